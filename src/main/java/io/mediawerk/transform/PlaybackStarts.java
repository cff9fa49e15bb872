package io.mediawerk.transform;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiException;
import io.mediawerk.config.PlaybackSettings;
import io.mediawerk.media.Media;
import io.mediawerk.media.MediaArrivals;
import io.mediawerk.media.Playback;
import io.mediawerk.project.ProjectRepository;
import io.mediawerk.source.Source;
import io.mediawerk.task.Task;
import io.mediawerk.task.TaskQueue;
import io.mediawerk.transform.plan.TransformOptions;
import io.mediawerk.transform.plan.TransformSpec;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Gives every video that becomes ready its playback stream, an HLS transform labelled {@code playback}, when its
 * project says so (or, when it does not, the instance's {@code mediawerk.playback.auto}). In the transaction that
 * makes the media ready: the task is queued with it or not at all.
 */
@ApplicationScoped
public class PlaybackStarts implements MediaArrivals {

    private static final ObjectNode OPTIONS =
            JsonNodeFactory.instance.objectNode().put("format", "hls");

    private final ProjectRepository projects;
    private final TaskQueue queue;
    private final boolean byDefault;

    public PlaybackStarts(ProjectRepository projects, TaskQueue queue, PlaybackSettings settings) {
        this.projects = projects;
        this.queue = queue;
        this.byDefault = settings.auto();
    }

    @Override
    public Uni<Void> ready(Media media, Source original) {
        if (!"video".equals(original.kind) || original.width == null || original.height == null) {
            return Uni.createFrom().voidItem();
        }
        return projects.findById(media.projectId).chain(project -> {
            boolean auto = project == null || project.playbackAuto == null ? byDefault : project.playbackAuto;
            if (project == null || !auto) {
                return Uni.createFrom().voidItem();
            }
            TransformSpec spec;
            try {
                spec = TransformOptions.validate("video", OPTIONS.deepCopy(), TransformInputs.facts(original));
            } catch (ApiException e) {
                Log.infof("Media %s gets no playback stream: %s", media.id, e.getMessage());
                return Uni.createFrom().voidItem();
            }
            return queue.enqueue(Task.pending(original, Task.TRANSFORM, spec.kind(), spec.options(), Playback.LABEL));
        });
    }
}
