package io.mediawerk.storage;

import io.mediawerk.api.ApiException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.ResponsePublisher;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Streams S3 objects to HTTP responses with back-pressure: one chunk at a time is asked of S3, and the next only
 * when the client's connection has taken the last, so a stream holds one chunk and the socket's write queue. At most
 * {@code max-streams} run at once per instance; past that a request is refused with a 503 before anything is sent.
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

    private final Storage storage;
    private final int max;
    private final AtomicInteger active = new AtomicInteger();

    public S3Downloads(Storage storage, Settings settings, MeterRegistry registry) {
        this.storage = storage;
        this.max = settings.max();
        Gauge.builder("mediawerk.delivery.streams", active, AtomicInteger::get)
                .description("files being streamed from S3 to clients now")
                .register(registry);
    }

    /**
     * Streams the object (or the byte range, {@code bytes=0-99}) into the response, whose status and headers are
     * set, and ends it; {@code onEnd} gets the bytes sent. When the stream cannot start (too many, or S3 fails before
     * the first byte) {@code onRefused} gets the error while the response is still untouched.
     */
    public void send(
            String key, String range, HttpServerResponse response, LongConsumer onEnd, Consumer<Throwable> onRefused) {
        if (active.incrementAndGet() > max) {
            active.decrementAndGet();
            onRefused.accept(new ApiException(
                    503,
                    "server_busy",
                    "This instance is sending as many files as it " + "allows (" + max
                            + "). Retry after Retry-After seconds.",
                    null));
            return;
        }
        AtomicBoolean ended = new AtomicBoolean();
        Runnable end = () -> {
            if (ended.compareAndSet(false, true)) {
                active.decrementAndGet();
            }
        };
        Context context = Vertx.currentContext();
        storage.get(key, range)
                .subscribe()
                .with(publisher -> stream(context, response, publisher, onEnd, end), failure -> {
                    end.run();
                    onRefused.accept(failure);
                });
    }

    private static void stream(
            Context context,
            HttpServerResponse response,
            ResponsePublisher<GetObjectResponse> publisher,
            LongConsumer onEnd,
            Runnable end) {
        publisher.subscribe(new Subscriber<ByteBuffer>() {
            private Subscription subscription;
            private long sent;

            @Override
            public void onSubscribe(Subscription s) {
                subscription = s;
                context.runOnContext(ignored -> response.closeHandler(closed -> {
                    end.run();
                    s.cancel();
                }));
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
                context.runOnContext(ignored -> {
                    end.run();
                    response.reset();
                });
            }

            @Override
            public void onComplete() {
                context.runOnContext(ignored -> {
                    end.run();
                    onEnd.accept(sent);
                    response.end();
                });
            }
        });
    }
}
