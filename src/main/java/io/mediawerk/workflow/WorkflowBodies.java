package io.mediawerk.workflow;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The bodies of the workflow operations as the API documents them; {@link WorkflowService} and the definition parser
 * read them and give the exact errors, with the path of the step at fault.
 */
final class WorkflowBodies {

    private WorkflowBodies() {}

    private static final String STEPS = "What runs on each media, in order; a step may branch on conditions.";

    @Schema(name = "CreateWorkflowRequest")
    record Create(
            @Schema(required = true, maxLength = 100) String name,
            @Schema(maxLength = 500) String description,

            @Schema(
                    enumeration = {"active", "paused"},
                    defaultValue = "active")
            String status,

            @Schema(required = true, minItems = 1, description = STEPS)
            List<Step> steps) {}

    @Schema(name = "UpdateWorkflowRequest", description = "Only the fields given change.")
    record Update(
            @Schema(maxLength = 100) String name,
            @Schema(maxLength = 500) String description,
            @Schema(enumeration = {"active", "paused"}) String status,
            @Schema(minItems = 1, description = STEPS) List<Step> steps) {}

    @Schema(name = "RunWorkflowRequest")
    record Run(
            @Schema(required = true, description = "The ready media to run the workflow on.")
            String mediaId) {}

    @Schema(
            name = "WorkflowStep",
            description = "A task (kind: a transform kind such as image, or an analysis such as text) with its"
                    + " label, input and options; or kind conditions with conditions, next and else.")
    record Step(
            @Schema(required = true, examples = "image") String kind,

            @Schema(description = "Names the step's output; later steps take it as their input.")
            String label,

            @Schema(description = "The label of an earlier step's output; the original by default.")
            String input,

            @Schema(description = "The task's options, as for POST /transforms or /intelligence.")
            Map<String, Object> options,

            @Schema(
                    description = "Of a conditions step: what to test, such as {\"prop\": \"media.duration\","
                            + " \"operator\": \">\", \"value\": 60}.")
            List<Map<String, Object>> conditions,

            @Schema(description = "Of a conditions step: the steps when every condition holds.")
            List<Object> next,

            @Schema(name = "else", description = "Of a conditions step: the steps otherwise.")
            List<Object> otherwise) {}
}
