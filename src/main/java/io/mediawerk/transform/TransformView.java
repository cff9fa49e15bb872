package io.mediawerk.transform;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.mediawerk.api.ApiObject;
import io.mediawerk.api.Failure;
import io.mediawerk.source.SourceView;
import io.mediawerk.task.Task;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A transform as the API shows it. {@code input} is the source it reads; {@code output} the source it made, once
 * completed; {@code error} is present only when it failed; {@code workflow_run_id} only for a step of a run.
 */
@Schema(name = "Transform")
public record TransformView(
        String id,
        String object,
        String kind,
        String label,
        Map<String, Object> options,
        String mediaId,
        String input,
        String status,
        double progress,
        @JsonInclude(JsonInclude.Include.NON_NULL) Failure error,
        SourceView output,
        Instant started,
        Instant completed,
        Instant created,
        Instant updated,
        @JsonInclude(JsonInclude.Include.NON_NULL) String workflowRunId)
        implements ApiObject {

    public static TransformView of(Task task, SourceView output) {
        Failure failure = Failure.of(task.errorCode, task.error);
        return new TransformView(
                task.id,
                "transform",
                task.kind,
                task.label,
                task.options,
                task.mediaId,
                task.inputSourceId,
                task.status,
                task.progress,
                failure,
                output,
                task.started,
                task.completed,
                task.created,
                task.updated,
                task.workflowRunId);
    }

    @Override
    @JsonIgnore
    public String selfPath() {
        return "/transforms/" + id;
    }

    @Override
    @JsonIgnore
    public String parentPath() {
        return "/transforms";
    }
}
