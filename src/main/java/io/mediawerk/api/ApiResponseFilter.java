package io.mediawerk.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Wraps what resources return into the {@code {meta, data, links}} envelope and tags the request id. */
public class ApiResponseFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final CallContext call;
    private final EnvelopeFactory envelopes;

    public ApiResponseFilter(CallContext call, EnvelopeFactory envelopes) {
        this.call = call;
        this.envelopes = envelopes;
    }

    @ServerResponseFilter
    public void wrap(ContainerRequestContext request, ContainerResponseContext response, HttpServerRequest http) {
        response.getHeaders().putSingle(REQUEST_ID_HEADER, call.requestId());
        response.getHeaders().putSingle(ApiVersions.HEADER, call.version());
        call.rateHeaders(response.getHeaders()::putSingle);
        Object entity = response.getEntity();
        String method = request.getMethod();
        if (entity instanceof ApiObject object) {
            response.setEntity(envelopes.object(call, method, http.uri(), response.getStatus(), object));
        } else if (entity instanceof Page<?> page) {
            response.setEntity(envelopes.list(call, method, http.path(), http.query(), response.getStatus(), page));
        }
    }
}
