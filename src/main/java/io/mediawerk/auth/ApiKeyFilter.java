package io.mediawerk.auth;

import io.mediawerk.api.ApiException;
import io.mediawerk.api.CallContext;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Checks the {@code Authorization: Bearer <key>} header of every endpoint not marked {@link Public}. */
public class ApiKeyFilter {

    private static final String BEARER = "Bearer ";

    private final CallContext call;
    private final ApiKeyService keys;

    public ApiKeyFilter(CallContext call, ApiKeyService keys) {
        this.call = call;
        this.keys = keys;
    }

    @ServerRequestFilter(priority = 1000)
    public Uni<Void> authenticate(ContainerRequestContext request, ResourceInfo resource) {
        if (isPublic(resource)) {
            return Uni.createFrom().voidItem();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw ApiException.unauthorized(
                    "missing_api_key",
                    "No API key was sent. Send it as the header 'Authorization: Bearer <your key>'.");
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiException.unauthorized(
                    "invalid_authorization", "The Authorization header must be 'Bearer <your key>'.");
        }
        String key = header.substring(BEARER.length()).trim();
        if (!key.startsWith(KeyMaterial.PREFIX) || key.length() > 100) {
            throw ApiException.unauthorized(
                    "invalid_api_key",
                    "The API key is not valid: Mediawerk keys start with '" + KeyMaterial.PREFIX + "'.");
        }
        return keys.authenticate(key).invoke(caller -> call.caller(caller)).replaceWithVoid();
    }

    private static boolean isPublic(ResourceInfo resource) {
        return resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(Public.class)
                        || resource.getResourceClass().isAnnotationPresent(Public.class));
    }
}
