package io.mediawerk.upload;

import io.mediawerk.api.ApiException;
import io.mediawerk.api.CallContext;
import io.mediawerk.api.Ids;
import io.mediawerk.api.RawResponses;
import io.mediawerk.storage.S3Pump;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.Consumer;

/**
 * The upload URL itself, {@code /uploads/<id>/file?token=...}: a Vert.x route rather than a REST resource so that
 * the body streams to S3 with back-pressure and is never held whole in memory. Authenticated by the URL's token.
 */
@ApplicationScoped
public class UploadReceiver {

    static final String PATH = "/uploads/:id/file";
    static final String OFFSET_HEADER = "Upload-Offset";

    private final UploadTokens tokens;
    private final UploadService uploads;
    private final UploadFlow flow;
    private final RawResponses raw;

    public UploadReceiver(UploadTokens tokens, UploadService uploads, UploadFlow flow, RawResponses raw) {
        this.tokens = tokens;
        this.uploads = uploads;
        this.flow = flow;
        this.raw = raw;
    }

    void register(@Observes Router router) {
        router.route(PATH).order(-100).handler(ctx -> {
            ctx.request().pause();
            raw.onSafeContext(ctx, () -> handle(ctx));
        });
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        ctx.response()
                .putHeader("Access-Control-Allow-Origin", "*")
                .putHeader("Access-Control-Expose-Headers", "X-Request-Id, " + OFFSET_HEADER);
        HttpMethod method = request.method();
        if (method == HttpMethod.OPTIONS) {
            request.resume();
            ctx.response()
                    .setStatusCode(204)
                    .putHeader("Access-Control-Allow-Methods", "PUT, POST, GET, HEAD, OPTIONS")
                    .putHeader("Access-Control-Allow-Headers", "Content-Type, Content-Range, Ittybit-Version")
                    .putHeader("Access-Control-Max-Age", "86400")
                    .end();
            return;
        }
        CallContext call = raw.callOf(ctx, null);
        UploadTokens.Claims claims;
        try {
            String id = ctx.pathParam("id");
            if (!Ids.looksLike(id, "upl")) {
                throw ApiException.notFound("upload", id);
            }
            claims = tokens.verify(id, request.getParam("token"));
        } catch (ApiException e) {
            refuse(ctx, call, e);
            return;
        }
        CallContext projectCall = raw.callOf(ctx, claims.projectId());
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            request.resume();
            uploads.status(claims)
                    .subscribe()
                    .with(
                            view -> {
                                ctx.response().putHeader(OFFSET_HEADER, String.valueOf(view.received()));
                                raw.object(ctx, projectCall, 200, view);
                            },
                            e -> raw.fail(ctx, projectCall, e));
        } else if (method == HttpMethod.PUT || method == HttpMethod.POST) {
            receive(ctx, projectCall, claims);
        } else {
            refuse(
                    ctx,
                    projectCall,
                    new ApiException(
                            405,
                            "method_not_allowed",
                            "Send the file with PUT or POST; GET tells how much has arrived.",
                            null));
        }
    }

    private void receive(RoutingContext ctx, CallContext call, UploadTokens.Claims claims) {
        UploadBody body;
        try {
            body = UploadBody.of(ctx.request(), flow.maxBytes());
        } catch (ApiException e) {
            refuse(ctx, call, e);
            return;
        }
        flow.begin(claims, body)
                .subscribe()
                .with(receiving -> receiveInto(ctx, call, body, receiving), e -> refuse(ctx, call, e));
    }

    private void receiveInto(RoutingContext ctx, CallContext call, UploadBody body, Receiving receiving) {
        HttpServerRequest request = ctx.request();
        Consumer<Throwable> failed = failure ->
                receiving.fail(failure, call.requestId()).subscribe().with(error -> refuse(ctx, call, error));
        S3Pump pump = receiving.pump(
                failed, () -> receiving.finish().subscribe().with(arrived -> answer(ctx, call, arrived), failed));
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            ctx.response().writeContinue();
        }
        if (ctx.response().closed()) {
            // the client gave up while this upload waited for memory or the database: give both back
            pump.fail(new HttpClosedException("The connection closed before the upload began."));
        } else if (body.multipart()) {
            pumpFormField(request, "file", pump);
        } else {
            pump.pump(request);
        }
    }

    private void answer(RoutingContext ctx, CallContext call, Receiving.Arrived arrived) {
        if (arrived instanceof Receiving.Chunk chunk) {
            ctx.response()
                    .putHeader(OFFSET_HEADER, String.valueOf(chunk.upload().received()));
            raw.object(ctx, call, 202, chunk.upload());
        } else if (arrived instanceof Receiving.Stored stored) {
            raw.object(ctx, call, 201, stored.media());
        }
    }

    /** Streams the form field {@code name}; other fields are skipped. */
    private static void pumpFormField(HttpServerRequest request, String name, S3Pump pump) {
        request.setExpectMultipart(true);
        boolean[] found = {false};
        request.uploadHandler(field -> {
            if (name.equals(field.name()) && !found[0]) {
                found[0] = true;
                pump.pump(field);
            } else {
                field.handler(ignored -> {});
            }
        });
        request.exceptionHandler(pump::fail);
        request.endHandler(ignored -> {
            if (!found[0]) {
                pump.fail(ApiException.badRequest(
                        "missing_file",
                        "The form has no field named '" + name + "'. Send the file as the form field 'file'.",
                        name));
            }
        });
        request.resume();
    }

    /**
     * Answers an error before (or instead of) reading the body. The connection is closed behind it, except after a
     * 503: a client that is still sending then finishes (its bytes are dropped) and reads the answer, so that it
     * knows to retry rather than seeing a reset connection.
     */
    private void refuse(RoutingContext ctx, CallContext call, Throwable error) {
        boolean retryLater = error instanceof ApiException api && api.status() == 503;
        if (!ctx.request().isEnded() && !retryLater) {
            ctx.response().putHeader("Connection", "close");
        }
        ctx.request().resume();
        raw.fail(ctx, call, error);
    }
}
