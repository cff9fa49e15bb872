package io.mediawerk.upload;

import io.mediawerk.api.ApiErrors;
import io.mediawerk.api.ApiException;
import io.mediawerk.api.CallContext;
import io.mediawerk.api.Ids;
import io.mediawerk.api.RawResponses;
import io.mediawerk.config.IngestSettings;
import io.mediawerk.media.OriginalProbe;
import io.mediawerk.storage.BufferBudget;
import io.mediawerk.storage.S3Pump;
import io.mediawerk.storage.S3Upload;
import io.mediawerk.storage.Storage;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

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
    private final UploadLedger ledger;
    private final Storage storage;
    private final OriginalProbe probe;
    private final RawResponses raw;
    private final BufferBudget memory;
    private final long maxBytes;

    public UploadReceiver(
            UploadTokens tokens,
            UploadService uploads,
            UploadLedger ledger,
            Storage storage,
            OriginalProbe probe,
            RawResponses raw,
            BufferBudget memory,
            IngestSettings ingestSettings) {
        this.tokens = tokens;
        this.uploads = uploads;
        this.ledger = ledger;
        this.storage = storage;
        this.probe = probe;
        this.raw = raw;
        this.memory = memory;
        this.maxBytes = ingestSettings.maxBytes();
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
            body = UploadBody.of(ctx.request(), maxBytes);
        } catch (ApiException e) {
            refuse(ctx, call, e);
            return;
        }
        long expected = body.expectedBytes();
        memory.reserve(expected < 0 ? storage.partSize() : Math.min(expected, storage.partSize()))
                .chain(lease -> ledger.begin(claims, body.range(), storage.partSize())
                        .map(upload -> receiveInto(ctx, call, claims, body, upload, lease))
                        .onFailure()
                        .invoke(lease::close))
                .subscribe()
                .with(ignored -> {}, e -> refuse(ctx, call, e));
    }

    private S3Pump receiveInto(
            RoutingContext ctx,
            CallContext call,
            UploadTokens.Claims claims,
            UploadBody body,
            Upload upload,
            BufferBudget.Lease lease) {
        HttpServerRequest request = ctx.request();
        ChunkRange range = body.range();
        boolean firstBytes = upload.received == 0;
        S3Upload target = firstBytes
                ? storage.startUpload(upload.storageKey, "application/octet-stream", lease)
                : storage.resumeUpload(upload.storageKey, "application/octet-stream", lease, ledger.stateOf(upload));
        long limit = range != null ? range.length() : maxBytes;
        S3Pump pump = new S3Pump(
                target,
                limit,
                firstBytes ? OriginalProbe::sniff : null,
                failure -> failed(ctx, call, claims, target, firstBytes, failure),
                () -> finished(ctx, call, claims, target, range, upload.storageKey, firstBytes));
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
        return pump;
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

    private void finished(
            RoutingContext ctx,
            CallContext call,
            UploadTokens.Claims claims,
            S3Upload target,
            ChunkRange range,
            String key,
            boolean firstBytes) {
        if (range != null && !range.isLast()) {
            target.pause()
                    .chain(state -> ledger.chunkReceived(claims, state, range.total()))
                    .subscribe()
                    .with(
                            view -> {
                                ctx.response().putHeader(OFFSET_HEADER, String.valueOf(view.received()));
                                raw.object(ctx, call, 202, view);
                            },
                            e -> failed(ctx, call, claims, target, firstBytes, e));
            return;
        }
        target.finish()
                .chain(stored -> (firstBytes
                                ? Uni.createFrom().item(target.head())
                                : storage.readHead(key, S3Upload.HEAD_SIZE))
                        .chain(head -> probe.probe(key, head))
                        .chain(probed -> ledger.complete(claims, stored, probed)))
                .subscribe()
                .with(media -> raw.object(ctx, call, 201, media), e -> failed(ctx, call, claims, null, firstBytes, e));
    }

    /**
     * A file that is refused (too large, not media) uses the upload up and leaves nothing in S3; a broken
     * connection or an outage keeps the chunks that arrived whole, so the client can resume.
     */
    private void failed(
            RoutingContext ctx,
            CallContext call,
            UploadTokens.Claims claims,
            S3Upload target,
            boolean firstBytes,
            Throwable failure) {
        ApiException error = ApiErrors.from(failure, call.requestId());
        boolean rejectFile = error.status() == 413 || error.status() == 415 || error.status() == 422;
        String abandoned = target == null ? null : target.multipartIdIfStarted();
        Uni<Void> stop = target == null
                ? Uni.createFrom().voidItem()
                : firstBytes || rejectFile ? target.abort() : target.release();
        stop.chain(() -> ledger.failed(claims, error, rejectFile, firstBytes ? abandoned : null))
                .subscribe()
                .with(ignored -> refuse(ctx, call, error), e -> refuse(ctx, call, error));
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
