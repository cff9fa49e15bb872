package io.mediawerk.storage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.mediawerk.api.ApiErrors;
import io.mediawerk.api.ApiException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.streams.WriteStream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Streams S3 objects to HTTP responses: a GET of a presigned URL on a pooled keep-alive connection, piped into the
 * response with back-pressure (the S3 connection is read only as fast as the client takes the bytes), on the
 * request's own event loop, no byte copied on the way. A presigned URL serves every request for its object for a
 * minute. At most {@code max-streams} run at once per instance; past that a request is refused with a 503 before
 * anything is sent.
 */
@ApplicationScoped
public class S3Downloads {

    /** Limits of file delivery. */
    @ConfigMapping(prefix = "mediawerk.delivery.streams")
    public interface Settings {

        /** Files streamed from S3 at once by one instance; more are answered 503 with Retry-After. */
        @WithDefault("512")
        int max();
    }

    /** How long a presigned URL is valid, and how long one is used (well within: a slow stream must not outlive it). */
    private static final Duration SIGNED_FOR = Duration.ofMinutes(15);

    private static final Duration REUSED_FOR = Duration.ofMinutes(1);

    private final Storage storage;
    private final int max;
    private final HttpClient http;
    private final Cache<String, String> signed = Caffeine.newBuilder()
            .expireAfterWrite(REUSED_FOR)
            .maximumSize(100_000)
            .build();
    private final AtomicInteger active = new AtomicInteger();

    public S3Downloads(Storage storage, Settings settings, MeterRegistry registry, Vertx vertx) {
        this.storage = storage;
        this.max = settings.max();
        this.http = vertx.createHttpClient(
                new HttpClientOptions()
                        .setKeepAlive(true)
                        .setConnectTimeout(5000)
                        .setTryUseCompression(false),
                new PoolOptions().setHttp1MaxSize(max));
        Gauge.builder("mediawerk.delivery.streams", active, AtomicInteger::get)
                .description("files being streamed from S3 to clients now")
                .register(registry);
    }

    void stop(@Observes ShutdownEvent event) {
        http.close();
    }

    /**
     * Streams the object (or the byte range, {@code bytes=0-99}) into the response, whose status and headers are
     * set, and ends it; {@code onEnd} gets the bytes sent. When the stream cannot start (too many, or S3 fails before
     * the first byte) {@code onRefused} gets the error while the response is still untouched.
     */
    public void send(
            String key, String range, HttpServerResponse response, LongConsumer onEnd, Consumer<Throwable> onRefused) {
        if (!admitted()) {
            onRefused.accept(busy());
            return;
        }
        AtomicBoolean ended = new AtomicBoolean();
        Runnable end = () -> {
            if (ended.compareAndSet(false, true)) {
                active.decrementAndGet();
            }
        };
        get(key, range).onComplete(answer -> {
            if (answer.failed()) {
                end.run();
                onRefused.accept(answer.cause());
                return;
            }
            HttpClientResponse object = answer.result();
            long before = response.bytesWritten();
            object.pipeTo(new OpenResponse(response)).onComplete(piped -> {
                end.run();
                if (piped.succeeded()) {
                    onEnd.accept(response.bytesWritten() - before);
                } else {
                    object.request().reset();
                    if (!response.ended()) {
                        response.reset();
                    }
                }
            });
        });
    }

    /**
     * The whole object, which must be {@code size} bytes, read into memory: for small files only. It counts among
     * the streams while it is read, and fails with the API error to answer.
     */
    public Future<Buffer> read(String key, long size) {
        if (!admitted()) {
            return Future.failedFuture(busy());
        }
        return get(key, null)
                .compose(object -> {
                    String length = object.getHeader("Content-Length");
                    if (!String.valueOf(size).equals(length)) {
                        object.request().reset();
                        return Future.failedFuture(new IllegalStateException("Delivering " + key
                                + ": the database says " + size + " bytes, the storage service " + length));
                    }
                    return object.body();
                })
                .andThen(done -> active.decrementAndGet());
    }

    private boolean admitted() {
        if (active.incrementAndGet() > max) {
            active.decrementAndGet();
            return false;
        }
        return true;
    }

    private ApiException busy() {
        return new ApiException(
                503,
                "server_busy",
                "This instance is sending as many files as it allows (" + max + "). Retry after Retry-After seconds.",
                null);
    }

    /**
     * The object's GET (of {@code range}, when not null) once S3 has answered 200 or 206; otherwise the API error
     * to answer, with the S3 request reset.
     */
    private Future<HttpClientResponse> get(String key, String range) {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(signed.get(key, ignored -> storage.presignGet(key, SIGNED_FOR)));
        if (range != null) {
            request.putHeader("Range", range);
        }
        return http.request(request).compose(HttpClientRequest::send).transform(answer -> {
            if (answer.failed()) {
                Log.warnf(
                        "Delivering %s: the storage service failed: %s",
                        key, answer.cause().toString());
                return Future.failedFuture(ApiErrors.unavailable("storage_unavailable", "its storage"));
            }
            HttpClientResponse object = answer.result();
            if (object.statusCode() == 200 || object.statusCode() == 206) {
                return Future.succeededFuture(object);
            }
            if (object.statusCode() != 404) {
                Log.warnf("Delivering %s: the storage service answered %d", key, object.statusCode());
            }
            object.request().reset();
            signed.invalidate(key);
            return Future.failedFuture(
                    object.statusCode() == 404
                            ? ApiErrors.noSuchFile()
                            : ApiErrors.unavailable("storage_unavailable", "its storage"));
        });
    }

    /**
     * The response as the pipe's target, refusing writes once the client has gone (a player dropping a range it no
     * longer needs): the pipe then fails and the S3 request is reset, where Vert.x would throw on the next chunk.
     */
    private record OpenResponse(HttpServerResponse response) implements WriteStream<Buffer> {

        private boolean gone() {
            return response.closed() || response.ended();
        }

        @Override
        public Future<Void> write(Buffer data) {
            return gone() ? Future.failedFuture("the client closed the connection") : response.write(data);
        }

        @Override
        public void write(Buffer data, Handler<AsyncResult<Void>> handler) {
            write(data).onComplete(handler);
        }

        @Override
        public Future<Void> end() {
            return gone() ? Future.failedFuture("the client closed the connection") : response.end();
        }

        @Override
        public void end(Handler<AsyncResult<Void>> handler) {
            end().onComplete(handler);
        }

        @Override
        public boolean writeQueueFull() {
            return !gone() && response.writeQueueFull();
        }

        @Override
        public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
            response.setWriteQueueMaxSize(maxSize);
            return this;
        }

        @Override
        public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
            response.drainHandler(handler);
            return this;
        }

        @Override
        public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            response.exceptionHandler(handler);
            return this;
        }
    }
}
