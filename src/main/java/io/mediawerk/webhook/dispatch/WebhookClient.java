package io.mediawerk.webhook.dispatch;

import io.mediawerk.config.WebhookSettings;
import io.mediawerk.net.NetworkPolicy;
import io.mediawerk.webhook.WebhookTargets;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * POSTs one delivery: to the address {@link WebhookTargets} checked (never a second DNS lookup), without following
 * redirects, ended after the timeout whatever the receiver does, and reading at most {@link #RESPONSE_LIMIT} bytes
 * of its answer. Non-blocking, so a slow receiver costs a connection, not a thread.
 */
@ApplicationScoped
public class WebhookClient {

    /** Bytes of a receiver's answer that are read (and kept for the attempt log). */
    static final int RESPONSE_LIMIT = 1024;

    private final Vertx vertx;
    private final WebhookTargets targets;
    private final HttpClient client;
    private final long timeoutMs;

    public WebhookClient(Vertx vertx, WebhookTargets targets, WebhookSettings webhookSettings) {
        this.vertx = vertx;
        this.targets = targets;
        this.timeoutMs = webhookSettings.timeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeoutMs)
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setVerifyHost(true)
                .setDecompressionSupported(false)
                .setMaxPoolSize(webhookSettings.maxInFlight())
                .setMaxWaitQueueSize(-1));
    }

    public Uni<AttemptOutcome> post(URI uri, MultiMap headers, String body) {
        long started = System.nanoTime();
        return targets.resolve(uri)
                .chain(address -> Uni.createFrom()
                        .<AttemptOutcome>emitter(
                                emitter -> new Exchange(uri, address, headers, body, started, emitter).start()))
                .onFailure()
                .recoverWithItem(failure -> AttemptOutcome.failed(millisSince(started), describe(uri, failure)));
    }

    /** One request and its answer; completes exactly once: answered, failed or timed out. */
    private final class Exchange {

        private final URI uri;
        private final InetAddress address;
        private final MultiMap headers;
        private final String body;
        private final long started;
        private final UniEmitter<? super AttemptOutcome> emitter;
        private final AtomicBoolean finished = new AtomicBoolean();
        private final AtomicReference<HttpClientRequest> request = new AtomicReference<>();
        private long timer;

        Exchange(
                URI uri,
                InetAddress address,
                MultiMap headers,
                String body,
                long started,
                UniEmitter<? super AttemptOutcome> emitter) {
            this.uri = uri;
            this.address = address;
            this.headers = headers;
            this.body = body;
            this.started = started;
            this.emitter = emitter;
        }

        void start() {
            timer = vertx.setTimer(timeoutMs, ignored -> {
                HttpClientRequest sent = request.get();
                if (finish(AttemptOutcome.failed(
                                millisSince(started),
                                "No answer within " + timeoutMs / 1000.0
                                        + " s; the receiver must answer 2xx within the timeout (queue slow work)."))
                        && sent != null) {
                    sent.reset();
                }
            });
            RequestOptions options =
                    NetworkPolicy.requestTo(uri, address, HttpMethod.POST).setHeaders(headers);
            client.request(options)
                    .onSuccess(created -> {
                        request.set(created);
                        if (finished.get()) {
                            created.reset();
                            return;
                        }
                        created.send(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)))
                                .onSuccess(this::read)
                                .onFailure(this::fail);
                    })
                    .onFailure(this::fail);
        }

        private void read(HttpClientResponse response) {
            Buffer start = Buffer.buffer();
            response.exceptionHandler(ignored -> answered(response, start));
            response.handler(chunk -> {
                int room = RESPONSE_LIMIT - start.length();
                start.appendBuffer(chunk.length() <= room ? chunk : chunk.slice(0, Math.max(room, 0)));
                if (start.length() >= RESPONSE_LIMIT) {
                    // enough: the rest is not read, and the connection cannot be reused mid-body
                    answered(response, start);
                    response.request().connection().close();
                }
            });
            response.endHandler(ignored -> answered(response, start));
        }

        private void answered(HttpClientResponse response, Buffer start) {
            finish(AttemptOutcome.answered(
                    response.statusCode(), millisSince(started), response.getHeader("Location"), excerpt(start)));
        }

        private void fail(Throwable failure) {
            finish(AttemptOutcome.failed(millisSince(started), describe(uri, failure)));
        }

        private boolean finish(AttemptOutcome outcome) {
            if (!finished.compareAndSet(false, true)) {
                return false;
            }
            vertx.cancelTimer(timer);
            emitter.complete(outcome);
            return true;
        }
    }

    /** The answer's start as text to keep: binary answers are only measured, control characters dropped. */
    static String excerpt(Buffer start) {
        if (start.length() == 0) {
            return null;
        }
        byte[] bytes = start.getBytes();
        for (byte b : bytes) {
            if (b == 0) {
                return "(" + bytes.length + "+ bytes of binary data)";
            }
        }
        return new String(bytes, StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}&&[^\n\t]]", "");
    }

    private static String describe(URI uri, Throwable failure) {
        if (failure instanceof WebhookTargets.Refused) {
            return failure.getMessage();
        }
        String message = String.valueOf(failure.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("connection refused")) {
            return "Connection refused by " + uri.getHost() + ": nothing listens at the webhook's address.";
        }
        if (lower.contains("timed out") || lower.contains("timeout")) {
            return "The receiver at " + uri.getHost() + " could not be reached in time.";
        }
        if (failure instanceof javax.net.ssl.SSLException || lower.contains("ssl") || lower.contains("certificate")) {
            return "TLS with " + uri.getHost() + " failed: " + message;
        }
        return "The receiver at " + uri.getHost() + " could not be reached: " + message;
    }

    private static int millisSince(long started) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
