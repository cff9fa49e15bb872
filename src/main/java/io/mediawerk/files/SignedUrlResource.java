package io.mediawerk.files;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiException;
import io.mediawerk.api.ApiObject;
import io.mediawerk.api.CallContext;
import io.mediawerk.api.Fields;
import io.mediawerk.api.JsonFields;
import io.mediawerk.api.Times;
import io.mediawerk.source.SourceRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/sources/{id}/signed-url")
@Tag(name = "Sources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SignedUrlResource {

    static final long DEFAULT_SECONDS = 3600;
    static final long MIN_SECONDS = 10;
    static final long MAX_SECONDS = 7 * 24 * 3600;

    /** A signed URL of one source's file, valid until {@code expires}. */
    /** The body of Sign a Source URL as the API documents it; {@link #sign} reads it. */
    @Schema(name = "SignUrlRequest")
    record SignBody(
            @Schema(
                    minimum = "10",
                    maximum = "604800",
                    defaultValue = "3600",
                    description = "Seconds until it expires.")
            Long expiresIn) {}

    @Schema(name = "SignedUrl")
    public record SignedUrlView(String object, String sourceId, String url, Instant expires) implements ApiObject {

        @Override
        @JsonIgnore
        public String id() {
            return sourceId;
        }

        @Override
        @JsonIgnore
        public String selfPath() {
            return "/sources/" + sourceId;
        }

        @Override
        @JsonIgnore
        public String parentPath() {
            return "/sources";
        }
    }

    private final SourceRepository sources;
    private final SignedUrls signedUrls;
    private final CallContext call;

    public SignedUrlResource(SourceRepository sources, SignedUrls signedUrls, CallContext call) {
        this.sources = sources;
        this.signedUrls = signedUrls;
        this.call = call;
    }

    @POST
    @WithSession
    @Operation(
            summary = "Sign a Source URL",
            description = "A URL of the source's file that works until it expires "
                    + "(expires_in: 10 to 604800 seconds, default 3600), also when the media is delivered privately.")
    public Uni<SignedUrlView> sign(
            @PathParam("id") String id,
            @RequestBody(required = false, content = @Content(schema = @Schema(implementation = SignBody.class)))
                    ObjectNode body) {
        String projectId = call.projectId();
        Fields.requireId(id, "src", "source");
        Long seconds =
                body == null ? null : JsonFields.of(body, Set.of("expires_in")).integer("expires_in");
        long lifetime = seconds == null ? DEFAULT_SECONDS : seconds;
        if (lifetime < MIN_SECONDS || lifetime > MAX_SECONDS) {
            throw ApiException.invalid(
                    "expires_in",
                    "expires_in must be from " + MIN_SECONDS + " to " + MAX_SECONDS + " seconds (7 days).");
        }
        Instant expires = Times.now().plusSeconds(lifetime).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return sources.findInProject(projectId, id)
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.notFound("source", id))
                .map(source -> new SignedUrlView("signed_url", source.id, signedUrls.of(source, expires), expires));
    }
}
