package io.mediawerk.source;

import io.mediawerk.api.Times;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One file of a media: the original, or something a transform made from it. */
@Entity
@Table(name = "sources")
public class Source {

    public static final String ORIGINAL = "original";
    public static final String READY = "ready";
    /** An output still growing (an HLS ladder whose rungs arrive): usable, not complete. */
    public static final String PROCESSING = "processing";

    @Id
    public String id;

    @Column(name = "media_id", nullable = false)
    public String mediaId;

    @Column(name = "project_id", nullable = false)
    public String projectId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String label;

    @Column(name = "mime_type")
    public String mimeType;

    public String container;

    /** File extension used in the delivery URL. */
    public String extension;

    @Column(name = "video_codec")
    public String videoCodec;

    @Column(name = "audio_codec")
    public String audioCodec;

    public Integer width;

    public Integer height;

    public Double duration;

    public Double fps;

    public Long bitrate;

    public Long filesize;

    /** The S3 key: made of ids only, never of a name a user chose. A key prefix when the source has {@link #files}. */
    @Column(name = "storage_key", nullable = false)
    public String storageKey;

    /** The files of a source made of several (HLS, sprite sheets): relative path to size in bytes; else null. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Long> files;

    /** Of a source with {@link #files}: the one its url points at (the HLS master playlist, say). */
    @Column(name = "main_file")
    public String mainFile;

    public String etag;

    @Column(nullable = false)
    public String status;

    /** The task (transform or intelligence) that made this source; null for an original. */
    @Column(name = "task_id")
    public String taskId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> metadata = new HashMap<>();

    @Column(nullable = false)
    public Instant created;

    @Column(nullable = false)
    public Instant updated;

    /** The one way a stored file becomes a source: ready, with what every source has; the caller adds the rest. */
    public static Source ready(
            String id, String projectId, String mediaId, String label, SourceFormat format, SourceFiles stored) {
        Source source = new Source();
        source.id = id;
        source.projectId = projectId;
        source.mediaId = mediaId;
        source.label = label;
        source.kind = format.kind();
        source.mimeType = format.mimeType();
        source.container = format.container();
        source.extension = format.extension();
        source.storageKey = stored.storageKey();
        source.files = stored.files();
        source.mainFile = stored.mainFile();
        source.filesize = stored.size();
        source.etag = stored.etag();
        source.status = READY;
        source.created = Times.now();
        source.updated = source.created;
        return source;
    }

    /** Every S3 object of this source, to remove them all when it goes. */
    public List<String> storageKeys() {
        if (files == null) {
            return List.of(storageKey);
        }
        return files.keySet().stream().map(path -> storageKey + "/" + path).toList();
    }
}
