package io.mediawerk.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
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

    public RawResponses(EnvelopeFactory envelopes, ObjectMapper json) {
        this.envelopes = envelopes;
        this.json = json;
    }

    /** Runs a handler on a duplicated Vert.x context marked safe for Hibernate Reactive. */
    public void onSafeContext(RoutingContext ctx, Runnable handler) {
        Context current = Vertx.currentContext();
        Context duplicated = VertxContext.getOrCreateDuplicatedContext(current);
        Runnable safe = () -> {
            VertxContextSafetyToggle.setCurrentContextSafe(true);
            try {
                handler.run();
            } catch (RuntimeException e) {
                fail(ctx, callOf(ctx, null), e);
            }
        };
        if (duplicated == current) {
            safe.run();
        } else {
            duplicated.runOnContext(ignored -> safe.run());
        }
    }

    /** The call context of a raw request: its id, its version, the project it acts for. */
    public CallContext callOf(RoutingContext ctx, String projectId) {
        CallContext call = new CallContext();
        try {
            call.version(ApiVersions.resolve(ctx.request().getHeader(ApiVersions.HEADER),
                    ctx.request().getHeader(ApiVersions.ALTERNATE_HEADER)));
        } catch (ApiException ignored) {
            // an unknown version does not stop a file from being delivered or uploaded
        }
        if (projectId != null) {
            call.caller(new Caller(null, null, projectId));
        }
        return call;
    }

    public void object(RoutingContext ctx, CallContext call, int status, ApiObject object) {
        write(ctx, call, status, envelopes.object(call, ctx.request().method().name(), ctx.request().uri(), status,
                object));
    }

    public void fail(RoutingContext ctx, CallContext call, Throwable failure) {
        ApiException error = asApiException(call, failure);
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        write(ctx, call, error.status(), envelopes.error(call, ctx.request().method().name(), ctx.request().uri(),
                error.status(), error.code(), error.getMessage(), error.param()));
    }

    private static ApiException asApiException(CallContext call, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
        }
        if (Outages.isDependencyDown(failure)) {
            return new ApiException(503, "service_unavailable", "Mediawerk cannot reach its database or storage "
                    + "right now. Retry in a few seconds.", null);
        }
        Log.errorf(failure, "Request %s failed unexpectedly", call.requestId());
        return new ApiException(500, "internal_error", "Something went wrong on our side. Quote "
                + call.requestId() + " when you report it.", null);
    }

    private void write(RoutingContext ctx, CallContext call, int status, Object body) {
        try {
            ctx.response().setStatusCode(status)
                    .putHeader("Content-Type", "application/json;charset=UTF-8")
                    .putHeader(ApiResponseFilter.REQUEST_ID_HEADER, call.requestId())
                    .putHeader(ApiVersions.HEADER, call.version());
            if (status == 503) {
                ctx.response().putHeader("Retry-After", "5");
            }
            ctx.response().end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            ctx.response().setStatusCode(500).end();
        }
    }
}
