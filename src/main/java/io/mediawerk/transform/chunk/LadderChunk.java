package io.mediawerk.transform.chunk;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediawerk.api.Ids;
import io.mediawerk.api.Times;
import io.mediawerk.transform.plan.HlsChunks;
import io.mediawerk.transform.plan.HlsPlan;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One chunk of a long HLS ladder: a stretch of the input that any worker encodes for every rung (see {@link
 * HlsChunks}). Its task's attempt plans it, runs what no other worker has taken, and joins the results.
 */
@Entity
@Table(name = "ladder_chunks")
public class LadderChunk {

    public static final String PENDING = "pending";
    public static final String PROCESSING = "processing";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    public String id;

    @Column(name = "task_id", nullable = false)
    public String taskId;

    @Column(name = "task_attempt", nullable = false)
    public int taskAttempt;

    @Column(nullable = false)
    public int position;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> plan;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public double progress;

    /** Runs started so far. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "encoded_by")
    public String encodedBy;

    public String error;

    @Column(nullable = false)
    public Instant created;

    @Column(nullable = false)
    public Instant updated;

    /** What a chunk encodes. */
    public record Plan(HlsChunks.Span span, List<HlsPlan.Rung> rungs) {}

    public static LadderChunk planned(String taskId, int taskAttempt, HlsChunks.Span span, List<HlsPlan.Rung> rungs) {
        LadderChunk chunk = new LadderChunk();
        chunk.id = Ids.newId("chk");
        chunk.taskId = taskId;
        chunk.taskAttempt = taskAttempt;
        chunk.position = span.position();
        chunk.plan = JSON.convertValue(new Plan(span, rungs), new TypeReference<Map<String, Object>>() {});
        chunk.status = PENDING;
        chunk.created = Times.now();
        chunk.updated = chunk.created;
        return chunk;
    }

    public Plan plan() {
        return JSON.convertValue(plan, Plan.class);
    }

    /** Whether this id names a chunk (rather than a task) in a message of the transform topic. */
    public static boolean isChunkId(String id) {
        return Ids.looksLike(id, "chk");
    }
}
