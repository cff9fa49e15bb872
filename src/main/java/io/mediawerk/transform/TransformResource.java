package io.mediawerk.transform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiObject;
import io.mediawerk.api.CallContext;
import io.mediawerk.api.Page;
import io.mediawerk.api.PageRequest;
import io.mediawerk.idempotency.Idempotency;
import io.mediawerk.task.TaskRepository;
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

@Path("/transforms")
@Tag(
        name = "Transforms",
        description = "Tasks that make a new source of a media with ffmpeg: video (mp4, webm, "
                + "mov, HLS), image, audio, thumbnails, animation.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TransformResource {

    private static final Set<String> SORTS = Set.of("created", "updated");

    private final TransformService transforms;
    private final CallContext call;
    private final Idempotency idempotency;

    public TransformResource(TransformService transforms, CallContext call, Idempotency idempotency) {
        this.transforms = transforms;
        this.call = call;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(
            summary = "List Transforms",
            description = "Transforms of the project; filter by media_id, status, " + "kind.")
    public Uni<Page<TransformView>> list(
            @QueryParam("media_id") String mediaId,
            @QueryParam("status") String status,
            @QueryParam("kind") String kind,
            @QueryParam("page") String page,
            @QueryParam("limit") String limit,
            @QueryParam("sort") String sort,
            @QueryParam("order") String order) {
        String projectId = call.projectId();
        return transforms.list(
                projectId,
                new TaskRepository.Filter(mediaId, status, kind),
                PageRequest.parse(page, limit, sort, order, SORTS, "created"));
    }

    @POST
    @Operation(
            summary = "Create Transform",
            description =
                    "media_id or source_id, kind, label and the kind's "
                            + "options (beside kind, or in an options object). Every option is checked at once; the task is "
                            + "pending, then processing with progress 0 to 1, then completed with its output source, or failed.")
    @APIResponse(
            responseCode = "201",
            description = "The pending transform.",
            content = @Content(schema = @Schema(implementation = TransformView.class)))
    public Uni<Response> create(
            @RequestBody(content = @Content(schema = @Schema(implementation = TransformBodies.Create.class)))
                    ObjectNode body) {
        String projectId = call.projectId();
        return idempotency.once(
                body,
                () -> transforms
                        .create(projectId, body)
                        .map(created -> Response.status(Response.Status.CREATED)
                                .entity(created)
                                .build()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get Transform", description = "Return a single Transform object with its progress.")
    public Uni<TransformView> get(@PathParam("id") String id) {
        return transforms.get(call.projectId(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Delete Transform",
            description = "Cancels a pending or running transform (its ffmpeg "
                    + "stops, partial files are removed; it stays listed as cancelled); deletes a finished one, keeping "
                    + "the source it made.")
    @APIResponse(
            responseCode = "200",
            description = "The cancelled transform, or what was deleted.",
            content = @Content(schema = @Schema(implementation = TransformBodies.Deletion.class)))
    public Uni<ApiObject> delete(@PathParam("id") String id) {
        return transforms.delete(call.projectId(), id);
    }
}
