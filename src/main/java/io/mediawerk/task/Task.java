package io.mediawerk.task;

import io.mediawerk.api.Ids;
import io.mediawerk.api.Times;
import io.mediawerk.source.Source;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Work a worker does on a media: a transform (makes a source) or, later, an analysis. The database row is the truth
 * about a task; Kafka only says "there is work for task X", so a message may arrive twice or be replaced by a rescue.
 */
@Entity
@Table(name = "tasks")
public class Task {

    public static final String PENDING = "pending";
    public static final String PROCESSING = "processing";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";
    public static final Set<String> STATUSES = Set.of(PENDING, PROCESSING, COMPLETED, FAILED, CANCELLED);

    public static final String TRANSFORM = "transform";
    public static final String INTELLIGENCE = "intelligence";

    @Id
    public String id;

    @Column(name = "project_id", nullable = false)
    public String projectId;

    @Column(name = "media_id", nullable = false)
    public String mediaId;

    @Column(name = "input_source_id", nullable = false)
    public String inputSourceId;

    /** {@link #TRANSFORM}, or intelligence. */
    @Column(nullable = false)
    public String family;

    @Column(nullable = false)
    public String kind;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> options;

    @Column(nullable = false)
    public String label;

    @Column(nullable = false)
    public String status;

    /** 0 to 1. */
    @Column(nullable = false)
    public double progress;

    @Column(name = "error_code")
    public String errorCode;

    public String error;

    /** What an intelligence task found (its summary, as added to the media's intelligence prop). */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> result;

    @Column(name = "output_source_id", nullable = false)
    public String outputSourceId;

    /** The workflow run this task is a step of; null for a task created through the API. */
    @Column(name = "workflow_run_id")
    public String workflowRunId;

    /** Runs started so far; the current run's number while processing. */
    @Column(nullable = false)
    public int attempts;

    /** The worker instance running it, while processing. */
    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    /** Time spent running, over all attempts. */
    @Column(name = "processing_ms", nullable = false)
    public long processingMs;

    public Instant started;

    public Instant completed;

    @Column(nullable = false)
    public Instant created;

    @Column(nullable = false)
    public Instant updated;

    /** Ends the task with a final status; the worker that held it lets go. */
    public void end(String finalStatus) {
        status = finalStatus;
        leaseOwner = null;
        leaseUntil = null;
        completed = Times.now();
        updated = completed;
    }

    /** Back to waiting for a worker (rescue, hand-back); the worker that held it lets go. */
    public void requeue() {
        status = PENDING;
        leaseOwner = null;
        leaseUntil = null;
        updated = Times.now();
    }

    /** A new pending task on an input source, with its output source id reserved. */
    public static Task pending(Source input, String family, String kind, Map<String, Object> options, String label) {
        Task task = new Task();
        task.id = Ids.newId("tsk");
        task.projectId = input.projectId;
        task.mediaId = input.mediaId;
        task.inputSourceId = input.id;
        task.family = family;
        task.kind = kind;
        task.options = options;
        task.label = label;
        task.status = PENDING;
        task.outputSourceId = Ids.newId("src");
        task.created = Times.now();
        task.updated = task.created;
        return task;
    }

    public boolean isFinished() {
        return COMPLETED.equals(status) || FAILED.equals(status) || CANCELLED.equals(status);
    }
}
