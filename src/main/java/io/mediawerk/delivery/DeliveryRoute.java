package io.mediawerk.delivery;

import io.mediawerk.api.ApiException;
import io.mediawerk.api.CallContext;
import io.mediawerk.api.Ids;
import io.mediawerk.api.RawResponses;
import io.mediawerk.config.MediawerkConfig;
import io.mediawerk.source.Source;
import io.mediawerk.storage.Storage;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.ByteBuffer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.ResponsePublisher;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Serves source files at {@code /files/<source id>.<ext>} (and {@code /files/<source id>/<file>} of sources made of
 * several files): Range requests (206), ETag and If-None-Match (304),
 * Last-Modified, long-lived caching, HEAD; streamed from S3 with back-pressure, or redirected to a short-lived
 * presigned S3 URL. A file of a deleted media or project is a 404 at once. Every delivery is counted.
 */
@ApplicationScoped
public class DeliveryRoute {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final DeliveryService deliveries;
    private final Storage storage;
    private final DeliveryCounter counter;
    private final RawResponses raw;
    private final boolean redirect;
    private final java.time.Duration redirectValidity;

    public DeliveryRoute(DeliveryService deliveries, Storage storage, DeliveryCounter counter, RawResponses raw,
                         MediawerkConfig config) {
        this.deliveries = deliveries;
        this.storage = storage;
        this.counter = counter;
        this.raw = raw;
        this.redirect = "redirect".equalsIgnoreCase(config.delivery().mode());
        this.redirectValidity = config.delivery().redirectValidity();
    }

    void register(@Observes Router router) {
        router.route(DeliveryUrls.PREFIX + ":name").order(-100).handler(ctx -> raw.onSafeContext(ctx,
                () -> handle(ctx, null)));
        router.route(DeliveryUrls.PREFIX + ":name/*").order(-100).handler(ctx -> raw.onSafeContext(ctx,
                () -> handle(ctx, fileOfSource(ctx))));
    }

    /** The part after {@code /files/<source id>/}, from the normalised path ("..", "." already resolved). */
    private static String fileOfSource(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        int start = path.indexOf('/', DeliveryUrls.PREFIX.length());
        return start < 0 ? "" : path.substring(start + 1);
    }

    private void handle(RoutingContext ctx, String fileOfSource) {
        CallContext call = raw.callOf(ctx, null);
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            raw.fail(ctx, call, new ApiException(405, "method_not_allowed", "Files are read with GET or HEAD.", null));
            return;
        }
        String name = ctx.pathParam("name");
        int dot = name.indexOf('.');
        String sourceId = dot < 0 ? name : name.substring(0, dot);
        if (!Ids.looksLike(sourceId, "src")) {
            raw.fail(ctx, call, notFound());
            return;
        }
        deliveries.deliverable(sourceId).subscribe().with(source -> {
            DeliveredFile file = source == null ? null : DeliveredFile.of(source, fileOfSource);
            if (file == null) {
                raw.fail(ctx, call, notFound());
            } else if (redirect) {
                counter.record(source.id, source.mediaId, source.projectId, 0);
                ctx.response().setStatusCode(302).putHeader("Cache-Control", "private, no-store")
                        .putHeader("Location", storage.presignGet(file.key(), redirectValidity)).end();
            } else {
                serve(ctx, call, file);
            }
        }, e -> raw.fail(ctx, call, e));
    }

    private void serve(RoutingContext ctx, CallContext call, DeliveredFile file) {
        HttpServerResponse response = ctx.response();
        Source source = file.source();
        long size = file.size();
        String etag = "\"" + file.etag() + "\"";
        response.putHeader("ETag", etag)
                .putHeader("Last-Modified", HTTP_DATE.format(source.created))
                .putHeader("Cache-Control", "public, max-age=31536000, immutable")
                .putHeader("Accept-Ranges", "bytes")
                .putHeader("Content-Type", file.mimeType())
                .putHeader("X-Content-Type-Options", "nosniff");
        if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
            counter.record(source.id, source.mediaId, source.projectId, 0);
            response.setStatusCode(304).end();
            return;
        }
        ByteRange range;
        try {
            range = ByteRange.parse(ctx.request().getHeader("Range"), size);
        } catch (ByteRange.Unsatisfiable e) {
            response.setStatusCode(416).putHeader("Content-Range", "bytes */" + size).end();
            return;
        }
        long length = range == null ? size : range.length();
        response.setStatusCode(range == null ? 200 : 206).putHeader("Content-Length", String.valueOf(length));
        if (range != null) {
            response.putHeader("Content-Range", range.contentRange(size));
        }
        if (ctx.request().method() == HttpMethod.HEAD || length == 0) {
            counter.record(source.id, source.mediaId, source.projectId, 0);
            response.end();
            return;
        }
        Context context = Vertx.currentContext();
        storage.get(file.key(), range == null ? null : range.s3Range()).subscribe().with(
                publisher -> stream(context, response, publisher, source),
                e -> raw.fail(ctx, call, e));
    }

    private void stream(Context context, HttpServerResponse response, ResponsePublisher<GetObjectResponse> publisher,
                        Source source) {
        publisher.subscribe(new Subscriber<ByteBuffer>() {
            private Subscription subscription;
            private long sent;

            @Override
            public void onSubscribe(Subscription s) {
                subscription = s;
                context.runOnContext(ignored -> response.closeHandler(closed -> s.cancel()));
                s.request(1);
            }

            @Override
            public void onNext(ByteBuffer chunk) {
                byte[] bytes = new byte[chunk.remaining()];
                chunk.get(bytes);
                context.runOnContext(ignored -> {
                    sent += bytes.length;
                    response.write(Buffer.buffer(bytes));
                    if (response.writeQueueFull()) {
                        response.drainHandler(drained -> subscription.request(1));
                    } else {
                        subscription.request(1);
                    }
                });
            }

            @Override
            public void onError(Throwable t) {
                context.runOnContext(ignored -> response.reset());
            }

            @Override
            public void onComplete() {
                context.runOnContext(ignored -> {
                    counter.record(source.id, source.mediaId, source.projectId, sent);
                    response.end();
                });
            }
        });
    }

    private static ApiException notFound() {
        return new ApiException(404, "not_found", "No such file. It may have been deleted.", null);
    }
}
