package io.mediawerk.upload;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An upload URL and what arrived through it. {@code open} until bytes come, {@code partial} between chunks,
 * {@code receiving} while a request streams, then {@code completed} (its media made) or {@code failed}: both final.
 */
@Entity
@Table(name = "uploads")
public class Upload {

    public static final String OPEN = "open";
    public static final String PARTIAL = "partial";
    public static final String RECEIVING = "receiving";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    @Id
    public String id;

    @Column(name = "project_id", nullable = false)
    public String projectId;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public Instant expires;

    @Column(name = "workflow_id")
    public String workflowId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> metadata = new HashMap<>();

    /** Seconds after the upload that its media expires; null for never. */
    @Column(name = "media_timeout")
    public Integer mediaTimeout;

    @Column(name = "storage_key", nullable = false)
    public String storageKey;

    @Column(name = "multipart_id")
    public String multipartId;

    /** Uploaded parts of a chunked upload: a JSON array of {"number": n, "etag": "..."} (see UploadParts). */
    @Column(nullable = false)
    public String parts = "[]";

    @Column(nullable = false)
    public long received;

    public Long total;

    /** The format sniffed from the first chunk. */
    public String format;

    @Column(name = "media_id")
    public String mediaId;

    public String error;

    @Column(nullable = false)
    public Instant created;

    @Column(nullable = false)
    public Instant updated;

    public boolean isFinal() {
        return COMPLETED.equals(status) || FAILED.equals(status);
    }
}
