package io.mediawerk.api;

import io.mediawerk.config.MediawerkConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Conventions checked before a request reaches any resource: HTTPS, API version, body size. */
public class ApiRequestFilter {

    private final CallContext call;
    private final HttpsPolicy https;
    private final long maxJsonBody;

    public ApiRequestFilter(CallContext call, HttpsPolicy https, MediawerkConfig config) {
        this.call = call;
        this.https = https;
        this.maxJsonBody = config.http().maxJsonBodyBytes();
    }

    @ServerRequestFilter(preMatching = true, priority = 100)
    public void checkConventions(ContainerRequestContext request, HttpServerRequest http) {
        call.requestId();
        String remote = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        if (!https.allows(http.isSSL(), remote, request.getHeaderString("X-Forwarded-Proto"))) {
            throw ApiException.forbidden("https_required",
                    "API requests must use HTTPS; plain HTTP calls are refused. Call https:// instead of http://.");
        }
        call.version(ApiVersions.resolve(request.getHeaderString(ApiVersions.HEADER),
                request.getHeaderString(ApiVersions.ALTERNATE_HEADER)));
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (request.getLength() > maxJsonBody && contentType != null && contentType.contains("json")) {
            throw new ApiException(413, "body_too_large", "The JSON body is " + request.getLength()
                    + " bytes; the limit is " + maxJsonBody + " bytes. Upload files through /uploads instead.", null);
        }
    }
}
