package io.mediawerk.source;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.mediawerk.api.ApiObject;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A source as the API shows it; {@code url} is where it is delivered. */
@Schema(name = "Source")
public record SourceView(
        String id,
        String object,
        String mediaId,
        String kind,
        String label,
        String mimeType,
        String container,
        String videoCodec,
        String audioCodec,
        Integer width,
        Integer height,
        Double duration,
        Double fps,
        Long bitrate,
        Long filesize,
        String url,
        String status,
        String transformId,
        Map<String, Object> metadata,
        Instant created,
        Instant updated)
        implements ApiObject {

    public static SourceView of(Source source, String url) {
        return new SourceView(
                source.id,
                "source",
                source.mediaId,
                source.kind,
                source.label,
                source.mimeType,
                source.container,
                source.videoCodec,
                source.audioCodec,
                source.width,
                source.height,
                source.duration,
                source.fps,
                source.bitrate,
                source.filesize,
                url,
                source.status,
                source.taskId,
                source.metadata,
                source.created,
                source.updated);
    }

    @Override
    @JsonIgnore
    public String selfPath() {
        return "/sources/" + id;
    }

    @Override
    @JsonIgnore
    public String parentPath() {
        return "/media/" + mediaId;
    }
}
