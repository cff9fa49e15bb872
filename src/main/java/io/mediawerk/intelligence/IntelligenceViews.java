package io.mediawerk.intelligence;

import io.mediawerk.task.Task;
import io.mediawerk.task.TaskOutputViews;
import io.mediawerk.task.TaskRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Intelligence tasks as the API shows them, with their result sources once completed. */
@ApplicationScoped
public class IntelligenceViews {

    private final TaskOutputViews outputs;

    public IntelligenceViews(TaskOutputViews outputs) {
        this.outputs = outputs;
    }

    public IntelligenceView of(TaskRepository.WithOutput found) {
        return IntelligenceView.of(found.task(), found.task().result, outputs.of(found.output()));
    }

    public Uni<IntelligenceView> of(Task task) {
        return outputs.of(task).map(output -> IntelligenceView.of(task, task.result, output));
    }

    public Uni<List<IntelligenceView>> of(List<Task> page) {
        return outputs.of(page)
                .map(byTask -> page.stream()
                        .map(task -> IntelligenceView.of(task, task.result, byTask.get(task.id)))
                        .toList());
    }
}
