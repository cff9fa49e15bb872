package io.mediawerk.workflow.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.mediawerk.api.ApiObject;
import io.mediawerk.api.Failure;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A run as the API shows it: each step with its task and the source it made; {@code error} (the first step that
 * failed) only when the run failed.
 */
@Schema(name = "WorkflowRun")
public record RunView(
        String id,
        String object,
        String workflowId,
        String mediaId,
        String trigger,
        String status,
        List<StepView> steps,
        @JsonInclude(JsonInclude.Include.NON_NULL) Failure error,
        Instant created,
        Instant updated,
        Instant completed)
        implements ApiObject {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "WorkflowRunStep")
    public record StepView(
            String step,
            String label,
            String kind,
            String status,
            String taskId,
            String sourceId,
            Boolean matched,
            Failure error,
            Instant started,
            Instant completed) {

        static StepView of(RunStep step) {
            return new StepView(
                    step.path,
                    step.label,
                    step.kind,
                    step.status,
                    step.taskId,
                    RunStep.COMPLETED.equals(step.status) ? step.sourceId : null,
                    step.matched,
                    Failure.of(step.errorCode, step.error),
                    step.started,
                    step.completed);
        }
    }

    public static RunView of(WorkflowRun run) {
        return new RunView(
                run.id,
                "workflow_run",
                run.workflowId,
                run.mediaId,
                run.trigger,
                run.status,
                run.state.steps.stream().map(StepView::of).toList(),
                Failure.of(run.errorCode, run.error),
                run.created,
                run.updated,
                run.completed);
    }

    @Override
    @JsonIgnore
    public String selfPath() {
        return "/workflows/" + workflowId + "/runs/" + id;
    }

    @Override
    @JsonIgnore
    public String parentPath() {
        return "/workflows/" + workflowId + "/runs";
    }
}
