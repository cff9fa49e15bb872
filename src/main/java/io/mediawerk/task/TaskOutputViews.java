package io.mediawerk.task;

import io.mediawerk.media.MediaViews;
import io.mediawerk.source.Source;
import io.mediawerk.source.SourceRepository;
import io.mediawerk.source.SourceView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The output sources of tasks (completed, or growing while they run), as the API shows them, loaded in one query for a page of tasks. */
@ApplicationScoped
public class TaskOutputViews {

    private final SourceRepository sources;
    private final MediaViews media;

    public TaskOutputViews(SourceRepository sources, MediaViews media) {
        this.sources = sources;
        this.media = media;
    }

    /** The task's output, or null while it has none. */
    public Uni<SourceView> of(Task task) {
        return of(List.of(task)).map(outputs -> outputs.get(task.id));
    }

    /** An output already loaded with its task ({@link TaskRepository#findWithOutput}); null for none. */
    public SourceView of(Source output) {
        return output == null ? null : media.source(output);
    }

    /** Task id → its output, for the tasks of the page that have one. */
    public Uni<Map<String, SourceView>> of(List<Task> page) {
        Map<String, String> outputToTask = page.stream()
                .filter(task -> !Task.PENDING.equals(task.status) && task.outputSourceId != null)
                .collect(Collectors.toMap(task -> task.outputSourceId, task -> task.id));
        if (outputToTask.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return sources.list("id in ?1", List.copyOf(outputToTask.keySet()))
                .map(found -> found.stream()
                        .collect(Collectors.toMap((Source output) -> outputToTask.get(output.id), media::source)));
    }
}
