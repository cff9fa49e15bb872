package io.mediawerk.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The parts of the API's document no resource names: the {@code meta} and error envelope every answer carries (read
 * from their records), and the bearer key every operation needs. On the JAX-RS application, where SmallRye OpenAPI
 * reads it. {@link OpenApiContract} wraps each operation's
 * object in the envelope.
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Mediawerk API",
                        version = ApiVersions.LATEST,
                        description = "Self-hostable media API compatible with the ittybit API. Every answer is"
                                + " {meta, data, links}; every error is {meta, error: {message, code, param}, links}."
                                + " Authenticate with 'Authorization: Bearer <key>'."),
        security = @SecurityRequirement(name = "bearer"),
        components =
                @Components(
                        schemas = {
                            @Schema(name = OpenApiContract.META, implementation = Meta.class),
                            @Schema(name = OpenApiContract.ERROR, implementation = ErrorEnvelope.class)
                        }))
public class OpenApiDefinition extends Application {}
