package io.mediawerk.project;

import io.mediawerk.api.CallContext;
import io.mediawerk.api.Fields;
import io.mediawerk.api.Page;
import io.mediawerk.api.PageRequest;
import io.mediawerk.auth.ApiKeyService;
import io.mediawerk.auth.ApiKeyView;
import io.mediawerk.idempotency.Idempotency;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/projects/{projectId}/keys")
@Tag(name = "Projects", description = "Projects of your organisation; needs an org (admin) key.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectKeyResource {

    private static final int MAX_NAME = 100;

    private final ProjectService projects;
    private final ApiKeyService keys;
    private final CallContext call;
    private final Idempotency idempotency;

    public ProjectKeyResource(ProjectService projects, ApiKeyService keys, CallContext call, Idempotency idempotency) {
        this.projects = projects;
        this.keys = keys;
        this.call = call;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(summary = "List Keys", description = "The API keys of a project, without their secret part.")
    public Uni<Page<ApiKeyView>> list(
            @PathParam("projectId") String projectId,
            @QueryParam("page") String page,
            @QueryParam("limit") String limit) {
        PageRequest request = PageRequest.parse(page, limit, null, null, Set.of("created"), "created");
        return projects.live(call.requireOrgKey(), projectId).chain(project -> keys.list(project.id, request));
    }

    @POST
    @Operation(
            summary = "Create Key",
            description =
                    "Makes a project API key. The key is in this answer only; " + "Mediawerk keeps just its hash.")
    @APIResponse(
            responseCode = "201",
            description = "The new key; its value is shown this once.",
            content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
    public Uni<Response> create(@PathParam("projectId") String projectId, KeyInput body) {
        String orgId = call.requireOrgKey();
        String name = Fields.optionalText("name", body == null ? null : body.name(), MAX_NAME);
        return idempotency.once(
                body,
                () -> projects.live(orgId, projectId)
                        .chain(project -> keys.create(orgId, project.id, name))
                        .map(created -> Response.status(Response.Status.CREATED)
                                .entity(created)
                                .build()));
    }

    @DELETE
    @Path("/{keyId}")
    @Operation(
            summary = "Revoke Key",
            description = "Revokes a project API key at once; it stays listed as " + "revoked.")
    public Uni<ApiKeyView> revoke(@PathParam("projectId") String projectId, @PathParam("keyId") String keyId) {
        return projects.live(call.requireOrgKey(), projectId)
                .chain(project -> keys.revoke(project.id, Fields.requireId(keyId, "key", "key")))
                .invoke(revoked -> keys.forgetRevoked(revoked.id()));
    }
}
