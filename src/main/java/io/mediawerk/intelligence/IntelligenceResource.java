package io.mediawerk.intelligence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.CallContext;
import io.mediawerk.api.Page;
import io.mediawerk.api.PageRequest;
import io.mediawerk.idempotency.Idempotency;
import io.mediawerk.task.TaskRepository;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
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

@Path("/intelligence")
@Tag(
        name = "Intelligence",
        description = "Analyses of a media that add to its intelligence prop: audio levels, " + "scenes, text.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IntelligenceResource {

    private static final Set<String> SORTS = Set.of("created", "updated");

    private final IntelligenceService intelligence;
    private final CallContext call;
    private final Idempotency idempotency;

    public IntelligenceResource(IntelligenceService intelligence, CallContext call, Idempotency idempotency) {
        this.intelligence = intelligence;
        this.call = call;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(
            summary = "List Intelligence Tasks",
            description =
                    "Gets a list of all the Intelligence Tasks in your " + "project; filter by media_id, kind, status.")
    public Uni<Page<IntelligenceView>> list(
            @QueryParam("media_id") String mediaId,
            @QueryParam("kind") String kind,
            @QueryParam("status") String status,
            @QueryParam("page") String page,
            @QueryParam("limit") String limit,
            @QueryParam("sort") String sort,
            @QueryParam("order") String order) {
        return intelligence.list(
                call.projectId(),
                new TaskRepository.Filter(mediaId, status, kind),
                PageRequest.parse(page, limit, sort, order, SORTS, "created"));
    }

    @POST
    @Operation(
            summary = "Create Intelligence Task",
            description = "media_id, kind and its options. If valid, the "
                    + "task adds a new intelligence prop to the media once it completes.")
    @APIResponse(
            responseCode = "201",
            description = "The pending task.",
            content = @Content(schema = @Schema(implementation = IntelligenceView.class)))
    public Uni<Response> create(
            @RequestBody(content = @Content(schema = @Schema(implementation = IntelligenceBodies.Create.class)))
                    ObjectNode body) {
        String projectId = call.projectId();
        return idempotency.once(
                body,
                () -> intelligence
                        .create(projectId, body)
                        .map(created -> Response.status(Response.Status.CREATED)
                                .entity(created)
                                .build()));
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "Get Intelligence Task",
            description = "Return a single Intelligence Task with its progress " + "and, once completed, its result.")
    public Uni<IntelligenceView> get(@PathParam("id") String id) {
        return intelligence.get(call.projectId(), id);
    }
}
