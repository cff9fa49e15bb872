package io.mediawerk.transform;

import io.mediawerk.media.MediaViews;
import io.mediawerk.source.Source;
import io.mediawerk.source.SourceRepository;
import io.mediawerk.task.Task;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds transform views with their output sources, loading the outputs of a whole page in one query. */
@ApplicationScoped
public class TransformViews {

    private final SourceRepository sources;
    private final MediaViews media;

    public TransformViews(SourceRepository sources, MediaViews media) {
        this.sources = sources;
        this.media = media;
    }

    public Uni<TransformView> of(Task task) {
        if (!Task.COMPLETED.equals(task.status)) {
            return Uni.createFrom().item(TransformView.of(task, null));
        }
        return sources.findById(task.outputSourceId)
                .map(output -> TransformView.of(task, output == null ? null : media.source(output)));
    }

    public Uni<List<TransformView>> of(List<Task> page) {
        List<String> outputs = page.stream().filter(task -> Task.COMPLETED.equals(task.status))
                .map(task -> task.outputSourceId).toList();
        Uni<List<Source>> loaded = outputs.isEmpty() ? Uni.createFrom().item(List.of())
                : sources.list("id in ?1", outputs);
        return loaded.map(list -> {
            Map<String, Source> byId = list.stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
            return page.stream().map(task -> {
                Source output = byId.get(task.outputSourceId);
                return TransformView.of(task, output == null ? null : media.source(output));
            }).toList();
        });
    }
}
