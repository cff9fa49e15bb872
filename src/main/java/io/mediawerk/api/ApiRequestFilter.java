package io.mediawerk.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Conventions checked before a request reaches any resource: HTTPS, API version (the body size: RequestLimits). */
public class ApiRequestFilter {

    private final CallContext call;
    private final HttpsPolicy https;

    public ApiRequestFilter(CallContext call, HttpsPolicy https) {
        this.call = call;
        this.https = https;
    }

    @ServerRequestFilter(preMatching = true, priority = 100)
    public void checkConventions(ContainerRequestContext request, HttpServerRequest http) {
        call.requestId();
        String remote =
                http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        if (!https.allows(http.isSSL(), remote, request.getHeaderString("X-Forwarded-Proto"))) {
            throw ApiException.forbidden(
                    "https_required",
                    "API requests must use HTTPS; plain HTTP calls are refused. Call https:// instead of http://.");
        }
        call.version(ApiVersions.resolve(
                request.getHeaderString(ApiVersions.HEADER), request.getHeaderString(ApiVersions.ALTERNATE_HEADER)));
    }
}
