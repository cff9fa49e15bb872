package io.mediawerk.media;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.mediawerk.api.ApiObject;
import io.mediawerk.api.Failure;
import io.mediawerk.source.SourceView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A media as the API shows it, with its sources. {@code error} is present only when it failed. */
@Schema(name = "Media")
public record MediaView(
        String id,
        String object,
        String kind,
        String status,
        String title,
        String alt,
        Integer width,
        Integer height,
        Double duration,
        long filesize,
        List<SourceView> sources,
        String playbackUrl,
        Map<String, Object> intelligence,
        Map<String, Object> metadata,
        @JsonInclude(JsonInclude.Include.NON_NULL) Failure error,
        Boolean privateDelivery,
        Instant expires,
        Instant created,
        Instant updated)
        implements ApiObject {

    /**
     * @param playbackUrl the master playlist of the media's playback stream (signed when the media is private), null
     *     until it is playable
     */
    public static MediaView of(Media media, List<SourceView> sources, String playbackUrl) {
        Failure failure = Failure.of(media.errorCode, media.error);
        return new MediaView(
                media.id,
                "media",
                media.kind,
                media.status,
                media.title,
                media.alt,
                media.width,
                media.height,
                media.duration,
                media.filesize,
                media.isDeleted() ? List.of() : sources,
                media.isDeleted() ? null : playbackUrl,
                media.intelligence,
                media.metadata,
                failure,
                media.privateDelivery,
                media.expires,
                media.created,
                media.updated);
    }

    @Override
    @JsonIgnore
    public String selfPath() {
        return "/media/" + id;
    }

    @Override
    @JsonIgnore
    public String parentPath() {
        return "/media";
    }
}
