package io.mediawerk.project;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.mediawerk.api.ApiObject;
import io.mediawerk.api.RateLimit;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A project as the API shows it. */
@Schema(name = "Project")
public record ProjectView(
        String id,
        String object,
        String name,
        String orgId,
        String defaultWorkflowId,
        boolean privateDelivery,
        Playback playback,
        RateLimit rateLimit,
        Instant created,
        Instant updated)
        implements ApiObject {

    /** Whether the project's videos get a playback stream on their own. */
    public record Playback(boolean auto) {}

    public static ProjectView of(Project project, boolean autoPlaybackByDefault) {
        return new ProjectView(
                project.id,
                "project",
                project.name,
                project.orgId,
                project.defaultWorkflowId,
                project.privateDelivery,
                new Playback(project.playbackAuto == null ? autoPlaybackByDefault : project.playbackAuto),
                project.ratePerSecond == null ? null : new RateLimit(project.ratePerSecond, project.rateBurst),
                project.created,
                project.updated);
    }

    @Override
    @JsonIgnore
    public String selfPath() {
        return "/projects/" + id;
    }

    @Override
    @JsonIgnore
    public String parentPath() {
        return "/projects";
    }
}
