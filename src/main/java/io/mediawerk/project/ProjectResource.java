package io.mediawerk.project;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.CallContext;
import io.mediawerk.api.Deleted;
import io.mediawerk.api.Fields;
import io.mediawerk.api.Page;
import io.mediawerk.api.PageRequest;
import io.mediawerk.database.ChangeFeed;
import io.mediawerk.idempotency.Idempotency;
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

@Path("/projects")
@Tag(name = "Projects", description = "Projects of your organisation; needs an org (admin) key.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectResource {

    private static final Set<String> SORTS = Set.of("created", "updated", "name");

    private final ProjectService projects;
    private final CallContext call;
    private final Idempotency idempotency;
    private final ChangeFeed changes;

    public ProjectResource(ProjectService projects, CallContext call, Idempotency idempotency, ChangeFeed changes) {
        this.changes = changes;
        this.projects = projects;
        this.call = call;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(summary = "List Projects", description = "Gets a list of all the Projects in your organisation.")
    public Uni<Page<ProjectView>> list(
            @QueryParam("page") String page,
            @QueryParam("limit") String limit,
            @QueryParam("sort") String sort,
            @QueryParam("order") String order) {
        String orgId = call.requireOrgKey();
        return projects.list(orgId, PageRequest.parse(page, limit, sort, order, SORTS, "created"));
    }

    @POST
    @Operation(summary = "Create Project", description = "Create a new Project.")
    @APIResponse(
            responseCode = "201",
            description = "The new project.",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    public Uni<Response> create(ProjectInput body) {
        String orgId = call.requireOrgKey();
        ProjectInput input = Fields.requireBody(body);
        return idempotency.once(
                input,
                () -> projects.create(orgId, input)
                        .map(created -> Response.status(Response.Status.CREATED)
                                .entity(created)
                                .build()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get Project", description = "Return a single Project object.")
    public Uni<ProjectView> get(@PathParam("id") String id) {
        return projects.get(call.requireOrgKey(), id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(
            summary = "Update Project",
            description = "Updates a Project: its name, and its "
                    + "default_workflow_id (the workflow run on every new media that names none; null for none).")
    public Uni<ProjectView> update(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = ProjectBodies.Update.class)))
                    ObjectNode body) {
        return projects.update(call.requireOrgKey(), id, body).invoke(() -> changes.announceHere("project", id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Delete Project",
            description = "Permanently deletes a Project and, in the background, "
                    + "all its media, files and records. The project answers 404 at once.")
    public Uni<Deleted> delete(@PathParam("id") String id) {
        return projects.delete(call.requireOrgKey(), id)
                .invoke(() -> changes.announceHere("project", id))
                .map(Deleted::of);
    }
}
