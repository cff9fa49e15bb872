package io.mediawerk.project;

import io.mediawerk.api.ApiException;
import io.mediawerk.api.Ids;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks a workflow id given in a body (an upload's, a media's, a project's default): it must be the project's. */
@ApplicationScoped
public class WorkflowReferences {

    private final ProjectRepository projects;

    public WorkflowReferences(ProjectRepository projects) {
        this.projects = projects;
    }

    /** Fails with a 400 naming {@code field} unless the id is null or one of the project's workflows. */
    public Uni<Void> check(String projectId, String workflowId, String field) {
        if (workflowId == null) {
            return Uni.createFrom().voidItem();
        }
        if (!Ids.looksLike(workflowId, "wfl")) {
            return Uni.createFrom()
                    .failure(ApiException.invalid(
                            field, field + " must be a workflow id such as " + "wfl_598j8Q37dsM3zzRe."));
        }
        return projects.hasWorkflow(projectId, workflowId)
                .invoke(found -> {
                    if (!found) {
                        throw ApiException.invalid(
                                field,
                                "This project has no workflow " + workflowId + "; list them with " + "GET /workflows.");
                    }
                })
                .replaceWithVoid();
    }
}
