package io.mediawerk.project;

import io.mediawerk.api.RateLimit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of Update Project as the API documents it; {@link ProjectService} reads it and gives the exact errors. */
final class ProjectBodies {

    private ProjectBodies() {}

    @Schema(name = "UpdateProjectRequest", description = "Only the fields given change.")
    record Update(
            @Schema(maxLength = 100) String name,

            @Schema(description = "The workflow every new media of the project runs; null for none.")
            String defaultWorkflow,

            @Schema(description = "Deliver the project's files through signed URLs only.")
            Boolean privateDelivery,

            ProjectView.Playback playback,

            @Schema(description = "The token bucket of each of the project's keys; null for the server's default.")
            RateLimit rateLimit) {}
}
