package io.mediawerk.media;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.CallContext;
import io.mediawerk.api.Fields;
import io.mediawerk.api.Page;
import io.mediawerk.api.PageRequest;
import io.mediawerk.api.StoredObject;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/media")
@Tag(name = "Media", description = "Uploaded and ingested files and their sources.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MediaResource {

    private static final Set<String> SORTS = Set.of("created", "updated", "filesize");

    private final MediaService media;
    private final CallContext call;
    private final Idempotency idempotency;
    private final ChangeFeed changes;

    public MediaResource(MediaService media, CallContext call, Idempotency idempotency, ChangeFeed changes) {
        this.media = media;
        this.call = call;
        this.idempotency = idempotency;
        this.changes = changes;
    }

    @GET
    @Operation(
            summary = "List Media",
            description = "Media of the project (deleted ones left out); filter by kind, sort by created, updated or"
                    + " filesize. Sorted by created (the default), pages follow by cursor (after, before: the links"
                    + " lead there) and cost the same at any depth; meta.total is exact up to 10 000, an estimate"
                    + " above. With page (or another sort), pages are numbered.")
    public Uni<Page<MediaView>> list(
            @QueryParam("kind") String kind,
            @QueryParam("page") String page,
            @QueryParam("limit") String limit,
            @QueryParam("sort") String sort,
            @QueryParam("order") String order,
            @Parameter(description = "The page after this media (the list's links.next uses it)") @QueryParam("after")
                    String after,
            @Parameter(description = "The page before this media (the list's links.prev uses it)") @QueryParam("before")
                    String before) {
        String projectId = call.projectId();
        return media.list(
                projectId, kind, PageRequest.parse(page, limit, sort, order, after, before, SORTS, "created", "med"));
    }

    @POST
    @Operation(
            summary = "Create Media",
            description = "Ingests the file at url: the media is pending at once; a "
                    + "worker fetches, stores and probes it, then it is ready or failed with a reason.")
    @APIResponse(
            responseCode = "201",
            description = "The pending media; a worker ingests its url.",
            content = @Content(schema = @Schema(implementation = MediaView.class)))
    public Uni<Response> create(MediaInput body) {
        String projectId = call.projectId();
        MediaInput input = Fields.requireBody(body);
        return idempotency.once(
                input,
                () -> media.createFromUrl(projectId, input)
                        .map(created -> Response.status(Response.Status.CREATED)
                                .entity(created)
                                .build()));
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "Get Media",
            description = "A media with its sources; a deleted media answers with no " + "sources and status deleted.")
    @APIResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = MediaView.class)))
    public Uni<StoredObject> get(@PathParam("id") String id) {
        return media.get(call.projectId(), id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(
            summary = "Update Media",
            description = "metadata (merged; null removes a key; at most 1024 bytes), "
                    + "expires (ISO time) or timeout (seconds), title, alt.")
    public Uni<MediaView> update(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = MediaBodies.Update.class)))
                    ObjectNode body) {
        return media.update(call.projectId(), id, body).invoke(() -> changedHere(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete Media", description = "Removes every file of the media; delivery stops at once.")
    public Uni<MediaView> delete(@PathParam("id") String id) {
        return media.delete(call.projectId(), id).invoke(() -> changedHere(id));
    }

    /** This instance's caches drop the media (its delivery and its view) before the answer leaves. */
    private void changedHere(String id) {
        changes.announceHere("media", id);
        changes.announceHere("view", id);
    }
}
