package io.mediawerk.transform;

import io.mediawerk.task.Task;
import io.mediawerk.task.TaskOutputViews;
import io.mediawerk.task.TaskRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Transforms as the API shows them, with their output sources once completed. */
@ApplicationScoped
public class TransformViews {

    private final TaskOutputViews outputs;

    public TransformViews(TaskOutputViews outputs) {
        this.outputs = outputs;
    }

    public TransformView of(TaskRepository.WithOutput found) {
        return TransformView.of(found.task(), outputs.of(found.output()));
    }

    public Uni<TransformView> of(Task task) {
        return outputs.of(task).map(output -> TransformView.of(task, output));
    }

    public Uni<List<TransformView>> of(List<Task> page) {
        return outputs.of(page)
                .map(byTask -> page.stream()
                        .map(task -> TransformView.of(task, byTask.get(task.id)))
                        .toList());
    }
}
