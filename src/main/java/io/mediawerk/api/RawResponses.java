package io.mediawerk.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediawerk.reactive.OwnContexts;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The API's envelope and error path for the few endpoints served straight on Vert.x routes (streaming uploads
 * and file delivery), where the REST layer's filters and mappers do not run.
 */
@ApplicationScoped
public class RawResponses {

    private final EnvelopeFactory envelopes;
    private final ObjectMapper json;
    private final OwnContexts contexts;

    public RawResponses(EnvelopeFactory envelopes, ObjectMapper json, OwnContexts contexts) {
        this.envelopes = envelopes;
        this.json = json;
        this.contexts = contexts;
    }

    /** Runs a handler on a duplicated Vert.x context marked safe for Hibernate Reactive. */
    public void onSafeContext(RoutingContext ctx, Runnable handler) {
        contexts.runOnCurrent(() -> {
            try {
                handler.run();
            } catch (RuntimeException e) {
                fail(ctx, callOf(ctx, null), e);
            }
        });
    }

    /** The call context of a raw request: its id, its version, the project it acts for. */
    public CallContext callOf(RoutingContext ctx, String projectId) {
        CallContext call = new CallContext();
        try {
            call.version(ApiVersions.resolve(
                    ctx.request().getHeader(ApiVersions.HEADER),
                    ctx.request().getHeader(ApiVersions.ALTERNATE_HEADER)));
        } catch (ApiException ignored) {
            // an unknown version does not stop a file from being delivered or uploaded
        }
        if (projectId != null) {
            call.caller(new Caller(null, null, projectId, null));
        }
        return call;
    }

    public void object(RoutingContext ctx, CallContext call, int status, ApiObject object) {
        write(
                ctx,
                call,
                status,
                null,
                envelopes.object(
                        call, ctx.request().method().name(), ctx.request().uri(), status, object));
    }

    public void fail(RoutingContext ctx, CallContext call, Throwable failure) {
        ApiException error = ApiErrors.from(failure, call.requestId());
        if (ctx.response().ended()) {
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        write(
                ctx,
                call,
                error.status(),
                error.retryAfter(),
                envelopes.error(
                        call,
                        ctx.request().method().name(),
                        ctx.request().uri(),
                        error.status(),
                        error.code(),
                        error.getMessage(),
                        error.param()));
    }

    private void write(RoutingContext ctx, CallContext call, int status, String retryAfter, Object body) {
        try {
            ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json;charset=UTF-8")
                    .putHeader(ApiResponseFilter.REQUEST_ID_HEADER, call.requestId())
                    .putHeader(ApiVersions.HEADER, call.version());
            if (retryAfter != null) {
                ctx.response().putHeader(ApiErrors.RETRY_AFTER, retryAfter);
            }
            ctx.response().end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            ctx.response().setStatusCode(500).end();
        }
    }
}
