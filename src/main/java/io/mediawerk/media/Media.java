package io.mediawerk.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One uploaded or ingested file and everything made from it (its sources). */
@Entity
@Table(name = "media")
public class Media {

    public static final String PENDING = "pending";
    public static final String PROCESSING = "processing";
    public static final String READY = "ready";
    public static final String FAILED = "failed";
    public static final String DELETED = "deleted";

    @Id
    public String id;

    @Column(name = "project_id", nullable = false)
    public String projectId;

    /** video, image or audio; null until the original has been probed. */
    public String kind;

    @Column(nullable = false)
    public String status;

    public String title;

    public String alt;

    public Integer width;

    public Integer height;

    public Double duration;

    @Column(nullable = false)
    public long filesize;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> metadata = new HashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> intelligence = new HashMap<>();

    @Column(name = "workflow_id")
    public String workflowId;

    /** Whether its files are delivered through signed URLs only; null: as its project says. */
    @Column(name = "private_delivery")
    public Boolean privateDelivery;

    @Column(name = "error_code")
    public String errorCode;

    public String error;

    /** Where an ingest fetches from; never shown (it may carry a signature). */
    @Column(name = "ingest_url")
    public String ingestUrl;

    @Column(nullable = false)
    public int attempts;

    public Instant expires;

    @Column(nullable = false)
    public Instant created;

    @Column(nullable = false)
    public Instant updated;

    public Instant deleted;

    public boolean isDeleted() {
        return DELETED.equals(status);
    }
}
