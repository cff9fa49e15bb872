package io.mediawerk.intelligence;

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
 * An intelligence task as the API shows it. {@code result} is what it added to the media's {@code intelligence}
 * under its kind; {@code output} the JSON source with the whole result (and keyframes, for scenes);
 * {@code workflow_run_id} the run it is a step of, if any.
 */
@Schema(name = "Intelligence")
public record IntelligenceView(
        String id,
        String object,
        String kind,
        Map<String, Object> options,
        String mediaId,
        String input,
        String status,
        double progress,
        @JsonInclude(JsonInclude.Include.NON_NULL) Failure error,
        Map<String, Object> result,
        SourceView output,
        Instant started,
        Instant completed,
        Instant created,
        Instant updated,
        @JsonInclude(JsonInclude.Include.NON_NULL) String workflowRunId)
        implements ApiObject {

    public static IntelligenceView of(Task task, Map<String, Object> result, SourceView output) {
        Failure failure = Failure.of(task.errorCode, task.error);
        return new IntelligenceView(
                task.id,
                "intelligence",
                task.kind,
                task.options,
                task.mediaId,
                task.inputSourceId,
                task.status,
                task.progress,
                failure,
                result,
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
        return "/intelligence/" + id;
    }

    @Override
    @JsonIgnore
    public String parentPath() {
        return "/intelligence";
    }
}
