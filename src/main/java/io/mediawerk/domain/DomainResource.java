package io.mediawerk.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiObject;
import io.mediawerk.api.CallContext;
import io.mediawerk.api.Deleted;
import io.mediawerk.api.Page;
import io.mediawerk.api.PageRequest;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/domains")
@Tag(
        name = "Domains",
        description = "Custom hostnames the project's files are delivered under, once verified by a "
                + "DNS TXT record or an HTTP token.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DomainResource {

    private static final Set<String> SORTS = Set.of("created", "updated", "hostname");

    private final DomainService domains;
    private final CallContext call;
    private final Idempotency idempotency;

    public DomainResource(DomainService domains, CallContext call, Idempotency idempotency) {
        this.domains = domains;
        this.call = call;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(summary = "List Domains", description = "Gets a list of all the custom video domains in your project.")
    public Uni<Page<DomainView>> list(
            @QueryParam("page") String page,
            @QueryParam("limit") String limit,
            @QueryParam("sort") String sort,
            @QueryParam("order") String order) {
        return domains.list(call.projectId(), PageRequest.parse(page, limit, sort, order, SORTS, "created"));
    }

    @POST
    @Operation(
            summary = "Create Domain",
            description = "{\"hostname\"}: 201 pending, with the DNS record or HTTP "
                    + "token that proves the hostname is yours.")
    @APIResponse(
            responseCode = "201",
            description = "The pending domain with its verification instructions.",
            content = @Content(schema = @Schema(implementation = DomainView.class)))
    public Uni<Response> create(
            @RequestBody(content = @Content(schema = @Schema(implementation = DomainBodies.Create.class)))
                    ObjectNode body) {
        String projectId = call.projectId();
        return idempotency.once(
                body,
                () -> domains.create(projectId, body)
                        .map(created -> Response.status(Response.Status.CREATED)
                                .entity(created)
                                .build()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get Domain", description = "Return a single Domain object.")
    public Uni<DomainView> get(@PathParam("id") String id) {
        return domains.get(call.projectId(), id);
    }

    @POST
    @Path("/{id}/verify")
    @Operation(
            summary = "Verify Domain",
            description = "Checks a pending domain now (it is also checked "
                    + "periodically) and answers with what was found.")
    public Uni<DomainView> verify(@PathParam("id") String id) {
        return domains.verify(call.projectId(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Delete Domain",
            description = "Permanently deletes a Domain object; its host stops serving " + "the project's files.")
    @APIResponse(
            responseCode = "200",
            description = "What was deleted.",
            content = @Content(schema = @Schema(implementation = Deleted.class)))
    public Uni<ApiObject> delete(@PathParam("id") String id) {
        return domains.delete(call.projectId(), id);
    }
}
