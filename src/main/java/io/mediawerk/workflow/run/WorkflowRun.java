package io.mediawerk.workflow.run;

import io.mediawerk.api.Times;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One run of a workflow on one media; its steps' state changes only under this row's lock. */
@Entity
@Table(name = "workflow_runs")
public class WorkflowRun {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    /** The media named the workflow (upload {@code workflow_id}). */
    public static final String TRIGGER_NAMED = "named";
    /** The project's default workflow ran on a new media. */
    public static final String TRIGGER_DEFAULT = "default";
    /** {@code POST /workflows/{id}/runs}. */
    public static final String TRIGGER_MANUAL = "manual";

    @Id
    public String id;

    @Column(name = "project_id", nullable = false)
    public String projectId;

    @Column(name = "workflow_id", nullable = false)
    public String workflowId;

    @Column(name = "media_id", nullable = false)
    public String mediaId;

    @Column(nullable = false)
    public String trigger;

    @Column(nullable = false)
    public String status;

    /** The workflow's definition when the run started. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> definition;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public RunState state;

    @Column(name = "error_code")
    public String errorCode;

    public String error;

    @Column(nullable = false)
    public Instant created;

    @Column(nullable = false)
    public Instant updated;

    public Instant completed;

    public boolean isFinished() {
        return !RUNNING.equals(status);
    }

    void end(String finalStatus) {
        status = finalStatus;
        completed = Times.now();
        updated = completed;
    }
}
