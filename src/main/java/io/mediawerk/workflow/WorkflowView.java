package io.mediawerk.workflow;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.mediawerk.api.ApiObject;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A workflow as the API shows it: its steps as stored, each with its options under {@code options}. */
@Schema(name = "Workflow")
public record WorkflowView(
        String id,
        String object,
        String name,
        String description,
        String status,
        Object steps,
        Instant created,
        Instant updated)
        implements ApiObject {

    public static WorkflowView of(Workflow workflow) {
        return new WorkflowView(
                workflow.id,
                "workflow",
                workflow.name,
                workflow.description,
                workflow.status,
                workflow.definition.get("steps"),
                workflow.created,
                workflow.updated);
    }

    @Override
    @JsonIgnore
    public String selfPath() {
        return "/workflows/" + id;
    }

    @Override
    @JsonIgnore
    public String parentPath() {
        return "/workflows";
    }
}
