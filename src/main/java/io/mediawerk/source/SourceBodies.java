package io.mediawerk.source;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of Update Source as the API documents it; {@link SourceService} reads it and gives the exact errors. */
final class SourceBodies {

    private SourceBodies() {}

    @Schema(name = "UpdateSourceRequest", description = "Only the fields given change.")
    record Update(
            @Schema(description = "1-64 of letters, digits, . - _; not 'original'.", examples = "thumbnail")
            String label,

            @Schema(description = "Merged into the source's metadata; a key set to null is removed.")
            Map<String, Object> metadata) {}
}
