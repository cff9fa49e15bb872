package io.mediawerk.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.CallContext;
import io.mediawerk.api.Deleted;
import io.mediawerk.api.Page;
import io.mediawerk.api.PageRequest;
import io.mediawerk.database.ChangeFeed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/sources")
@Tag(name = "Sources", description = "The files of media: originals and what transforms made.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SourceResource {

    private static final Set<String> SORTS = Set.of("created", "updated", "filesize");

    private final SourceService sources;
    private final CallContext call;
    private final ChangeFeed changes;

    public SourceResource(SourceService sources, CallContext call, ChangeFeed changes) {
        this.sources = sources;
        this.call = call;
        this.changes = changes;
    }

    @GET
    @Operation(summary = "List Sources", description = "Sources of the project; filter by media_id, kind, label.")
    public Uni<Page<SourceView>> list(
            @QueryParam("media_id") String mediaId,
            @QueryParam("kind") String kind,
            @QueryParam("label") String label,
            @QueryParam("page") String page,
            @QueryParam("limit") String limit,
            @QueryParam("sort") String sort,
            @QueryParam("order") String order) {
        String projectId = call.projectId();
        return sources.list(
                projectId,
                new SourceRepository.Filter(mediaId, kind, label),
                PageRequest.parse(page, limit, sort, order, SORTS, "created"));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get Source", description = "Return a single Source object.")
    public Uni<SourceView> get(@PathParam("id") String id) {
        return sources.get(call.projectId(), id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Update Source", description = "label and metadata (merged).")
    public Uni<SourceView> update(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = SourceBodies.Update.class)))
                    ObjectNode body) {
        return sources.update(call.projectId(), id, body).invoke(source -> {
            changes.announceHere("source", id);
            changes.announceHere("view", source.mediaId());
        });
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Delete Source",
            description =
                    "Removes the file; the original of a media cannot be " + "deleted on its own (delete the media).")
    public Uni<Deleted> delete(@PathParam("id") String id) {
        return sources.delete(call.projectId(), id).invoke(() -> changes.announceHere("source", id));
    }
}
