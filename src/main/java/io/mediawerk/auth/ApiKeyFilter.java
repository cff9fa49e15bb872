package io.mediawerk.auth;

import io.mediawerk.api.ApiException;
import io.mediawerk.api.CallContext;
import io.mediawerk.traffic.RateDecision;
import io.mediawerk.traffic.RateLimiter;
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
    private final RateLimiter limiter;

    public ApiKeyFilter(CallContext call, ApiKeyService keys, RateLimiter limiter) {
        this.call = call;
        this.keys = keys;
        this.limiter = limiter;
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
        return keys.authenticate(key)
                .invoke(caller -> {
                    call.caller(caller);
                    RateDecision rate = limiter.take(caller);
                    call.rate(rate);
                    if (!rate.allowed()) {
                        throw new ApiException(
                                429,
                                "rate_limited",
                                "This key has used its " + rate.limit().perSecond() + " requests per second (bursts of "
                                        + rate.limit().burst() + "); retry after Retry-After seconds. A project's limit"
                                        + " is set with PATCH /projects/{id} {\"rate_limit\": ...}.",
                                null,
                                rate.retryAfter());
                    }
                })
                .replaceWithVoid();
    }

    private static boolean isPublic(ResourceInfo resource) {
        return resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(Public.class)
                        || resource.getResourceClass().isAnnotationPresent(Public.class));
    }
}
