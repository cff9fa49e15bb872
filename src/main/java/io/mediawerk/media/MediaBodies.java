package io.mediawerk.media;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of Update Media as the API documents it; {@link MediaService} reads it and gives the exact errors. */
final class MediaBodies {

    private MediaBodies() {}

    @Schema(name = "UpdateMediaRequest", description = "Only the fields given change.")
    record Update(
            @Schema(
                    description = "Merged into the media's metadata; a key set to null is removed. At most 1024"
                            + " bytes in all.")
            Map<String, Object> metadata,

            @Schema(description = "When the media is deleted by itself; null keeps it.")
            Instant expires,

            @Schema(minimum = "1", description = "Seconds from now until it is deleted; instead of expires.")
            Long timeout,

            @Schema(maxLength = 1000) String title,

            @Schema(maxLength = 1000, description = "Alternative text.")
            String alt,

            @Schema(description = "Deliver its files through signed URLs only; null: as its project says.")
            Boolean privateDelivery) {}
}
