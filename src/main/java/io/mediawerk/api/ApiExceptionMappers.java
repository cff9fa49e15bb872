package io.mediawerk.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one error path: every failure leaves as {@code {meta, error, links}} with its status. */
public class ApiExceptionMappers {

    private final CallContext call;
    private final EnvelopeFactory envelopes;

    public ApiExceptionMappers(CallContext call, EnvelopeFactory envelopes) {
        this.call = call;
        this.envelopes = envelopes;
    }

    @ServerExceptionMapper
    public Response api(ApiException e, HttpServerRequest http) {
        return respond(http, e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpServerRequest http) {
        return respond(http, JsonErrors.toApiException(e));
    }

    /** Declared on its own so that it wins over Quarkus' built-in mapper for this type. */
    @ServerExceptionMapper
    public Response mismatch(MismatchedInputException e, HttpServerRequest http) {
        return json(e, http);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest http) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return json(json, http);
            }
            if (cause instanceof ApiException api) {
                return respond(http, api);
            }
        }
        int status = e.getResponse().getStatus();
        ApiException mapped;
        if (e instanceof NotFoundException) {
            mapped = new ApiException(
                    404,
                    "route_not_found",
                    "There is no endpoint " + http.method() + " " + http.path()
                            + ". The API reference is at /q/swagger-ui.",
                    null);
        } else if (e instanceof NotAllowedException) {
            mapped = new ApiException(
                    405,
                    "method_not_allowed",
                    http.method() + " is not allowed on " + http.path()
                            + ". The API reference at /q/swagger-ui lists the methods of each path.",
                    null);
        } else if (e instanceof NotSupportedException) {
            mapped = new ApiException(
                    415,
                    "unsupported_media_type",
                    "Send the body as application/json (Content-Type: application/json).",
                    null);
        } else if (status >= 500) {
            return unexpected(e, http);
        } else {
            mapped = new ApiException(status, "request_failed", e.getMessage(), null);
        }
        return respond(http, mapped);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, HttpServerRequest http) {
        if (http.response().ended()) {
            // answered already (a 503 while the database hung): nothing more to tell the caller or the operator
            Log.debugf("Request %s failed after it was answered: %s", call.requestId(), e);
            return Response.noContent().build();
        }
        return respond(http, ApiErrors.from(e, call.requestId()));
    }

    private Response respond(HttpServerRequest http, ApiException e) {
        ErrorEnvelope body = envelopes.error(
                call, http.method().name(), http.uri(), e.status(), e.code(), e.getMessage(), e.param());
        Response.ResponseBuilder response = Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body)
                .header(ApiResponseFilter.REQUEST_ID_HEADER, call.requestId());
        if (e.retryAfter() != null) {
            response.header(ApiErrors.RETRY_AFTER, e.retryAfter());
        }
        call.rateHeaders(response::header);
        return response.build();
    }
}
