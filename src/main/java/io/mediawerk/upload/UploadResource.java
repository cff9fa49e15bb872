package io.mediawerk.upload;

import io.mediawerk.api.CallContext;
import io.mediawerk.api.Fields;
import io.mediawerk.idempotency.Idempotency;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/uploads")
@Tag(name = "Uploads", description = "Short-lived, one-time URLs to upload a file to, from a browser or a server.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UploadResource {

    private final UploadService uploads;
    private final CallContext call;
    private final Idempotency idempotency;

    public UploadResource(UploadService uploads, CallContext call, Idempotency idempotency) {
        this.uploads = uploads;
        this.call = call;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(
            summary = "Create Upload URL",
            description = "A one-time URL that carries no API key. Send the file "
                    + "to it with PUT or POST (raw body with its Content-Type, or multipart form field 'file'); large files "
                    + "may come in chunks with Content-Range. The answer to the last byte is 201 with the Media.")
    @APIResponse(
            responseCode = "201",
            description = "A one-time upload URL.",
            content = @Content(schema = @Schema(implementation = UploadView.class)))
    public Uni<Response> create(UploadInput body) {
        String projectId = call.projectId();
        UploadInput input = body == null ? new UploadInput(null, null, null, null) : body;
        return idempotency.once(
                input,
                () -> uploads.create(projectId, input)
                        .map(created -> Response.status(Response.Status.CREATED)
                                .entity(created)
                                .build()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get Upload", description = "An upload's status and how many bytes have arrived.")
    public Uni<UploadView> get(@PathParam("id") String id) {
        return uploads.get(call.projectId(), Fields.requireId(id, "upl", "upload"));
    }
}
