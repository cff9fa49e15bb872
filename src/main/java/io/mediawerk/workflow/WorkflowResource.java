package io.mediawerk.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiObject;
import io.mediawerk.api.CallContext;
import io.mediawerk.api.Deleted;
import io.mediawerk.api.Page;
import io.mediawerk.api.PageRequest;
import io.mediawerk.idempotency.Idempotency;
import io.mediawerk.workflow.run.RunService;
import io.mediawerk.workflow.run.RunView;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/workflows")
@Tag(
        name = "Workflows",
        description = "Steps (transforms, intelligence, conditions) run on every upload that "
                + "names the workflow, or on every new media as the project's default; and their runs.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkflowResource {

    private static final Set<String> SORTS = Set.of("created", "updated", "name");
    private static final Set<String> RUN_SORTS = Set.of("created", "updated");

    private final WorkflowService workflows;
    private final RunService runs;
    private final CallContext call;
    private final Idempotency idempotency;

    public WorkflowResource(WorkflowService workflows, RunService runs, CallContext call, Idempotency idempotency) {
        this.workflows = workflows;
        this.runs = runs;
        this.call = call;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(summary = "List Workflows", description = "Gets a list of all the Workflows in your project.")
    public Uni<Page<WorkflowView>> list(
            @QueryParam("page") String page,
            @QueryParam("limit") String limit,
            @QueryParam("sort") String sort,
            @QueryParam("order") String order) {
        return workflows.list(call.projectId(), PageRequest.parse(page, limit, sort, order, SORTS, "created"));
    }

    @POST
    @Operation(
            summary = "Create Workflow",
            description = "name, description, status (active or paused) and steps. "
                    + "The whole definition is checked: a bad step is a 400 naming it and the field.")
    @APIResponse(
            responseCode = "201",
            description = "The new workflow.",
            content = @Content(schema = @Schema(implementation = WorkflowView.class)))
    public Uni<Response> create(
            @RequestBody(content = @Content(schema = @Schema(implementation = WorkflowBodies.Create.class)))
                    ObjectNode body) {
        String projectId = call.projectId();
        return idempotency.once(
                body,
                () -> workflows
                        .create(projectId, body)
                        .map(created -> Response.status(Response.Status.CREATED)
                                .entity(created)
                                .build()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get Workflow", description = "Return a single Workflow object.")
    public Uni<WorkflowView> get(@PathParam("id") String id) {
        return workflows.get(call.projectId(), id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(
            summary = "Update Workflow",
            description = "Changes name, description, status or steps. Runs already "
                    + "started finish with the steps they started with.")
    public Uni<WorkflowView> update(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = WorkflowBodies.Update.class)))
                    ObjectNode body) {
        return workflows.update(call.projectId(), id, body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Delete Workflow",
            description = "Permanently deletes a Workflow object. Its runs stay " + "readable; running ones finish.")
    @APIResponse(
            responseCode = "200",
            description = "What was deleted.",
            content = @Content(schema = @Schema(implementation = Deleted.class)))
    public Uni<ApiObject> delete(@PathParam("id") String id) {
        return workflows.delete(call.projectId(), id);
    }

    @POST
    @Path("/{id}/runs")
    @Operation(summary = "Run Workflow", description = "Runs the workflow on a ready media: {\"media_id\": …}.")
    @APIResponse(
            responseCode = "201",
            description = "The new run.",
            content = @Content(schema = @Schema(implementation = RunView.class)))
    public Uni<Response> run(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = WorkflowBodies.Run.class)))
                    ObjectNode body) {
        String projectId = call.projectId();
        return idempotency.once(
                body,
                () -> runs.create(projectId, id, body)
                        .map(created -> Response.status(Response.Status.CREATED)
                                .entity(created)
                                .build()));
    }

    @GET
    @Path("/{id}/runs")
    @Operation(
            summary = "List Workflow runs",
            description = "The workflow's runs, newest first by default; filter " + "by media_id and status.")
    public Uni<Page<RunView>> runs(
            @PathParam("id") String id,
            @QueryParam("media_id") String mediaId,
            @QueryParam("status") String status,
            @QueryParam("page") String page,
            @QueryParam("limit") String limit,
            @QueryParam("sort") String sort,
            @QueryParam("order") String order) {
        return runs.list(
                call.projectId(),
                id,
                mediaId,
                status,
                PageRequest.parse(page, limit, sort, order, RUN_SORTS, "created"));
    }

    @GET
    @Path("/{id}/runs/{run}")
    @Operation(
            summary = "Get Workflow run",
            description =
                    "One run: each step with its status, task and the " + "source it made, and the run's final status.")
    public Uni<RunView> run(@PathParam("id") String id, @PathParam("run") String run) {
        return runs.get(call.projectId(), id, run);
    }
}
