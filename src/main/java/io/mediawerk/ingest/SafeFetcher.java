package io.mediawerk.ingest;

import io.mediawerk.config.IngestSettings;
import io.mediawerk.media.OriginalProbe;
import io.mediawerk.net.NetworkPolicy;
import io.mediawerk.storage.S3Pump;
import io.mediawerk.storage.S3Upload;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Fetches an ingest URL into S3 without letting it reach inside the network: the host is resolved once, every
 * address checked by {@link NetworkPolicy}, the connection made to the checked address (no second lookup to
 * rebind), and each redirect checked the same way. The body streams to S3; it is never held whole.
 */
@ApplicationScoped
public class SafeFetcher {

    private final Vertx vertx;
    private final HttpClient client;
    private final NetworkPolicy policy;
    private final long maxBytes;
    private final int maxRedirects;
    private final Duration idleTimeout;

    public SafeFetcher(Vertx vertx, IngestSettings ingestSettings) {
        this.vertx = vertx;
        this.policy = NetworkPolicy.allowing(ingestSettings.allowedNetworks().orElse(List.of()));
        this.maxBytes = ingestSettings.maxBytes();
        this.maxRedirects = ingestSettings.maxRedirects();
        Duration idle = ingestSettings.idleTimeout();
        this.idleTimeout = idle;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) idle.toMillis())
                .setKeepAlive(false)
                .setVerifyHost(true)
                .setDecompressionSupported(false)
                .setMaxPoolSize(16));
    }

    /** Downloads {@code url} into {@code target}; fails with an {@link IngestFailure} the user can act on. */
    public Uni<S3Upload.Stored> fetch(String url, S3Upload target) {
        return Uni.createFrom()
                .emitter(emitter -> follow(URI.create(url), 0, target).onComplete(result -> {
                    if (result.succeeded()) {
                        emitter.complete(result.result());
                    } else {
                        emitter.fail(result.cause());
                    }
                }));
    }

    private Future<S3Upload.Stored> follow(URI uri, int hops, S3Upload target) {
        return resolve(uri).compose(address -> {
            RequestOptions options = NetworkPolicy.requestTo(uri, address, HttpMethod.GET)
                    .setIdleTimeout(idleTimeout.toMillis())
                    .putHeader("User-Agent", "Mediawerk-Ingest/1.0")
                    .putHeader("Accept", "*/*");
            return client.request(options)
                    .compose(request -> request.send())
                    .compose(
                            response -> {
                                int status = response.statusCode();
                                if (status >= 300 && status < 400 && response.getHeader("Location") != null) {
                                    response.request().connection().close();
                                    if (hops >= maxRedirects) {
                                        return Future.failedFuture(new IngestFailure(
                                                "too_many_redirects",
                                                "The URL redirected more " + "than " + maxRedirects
                                                        + " times (a redirect loop?)."));
                                    }
                                    URI next;
                                    try {
                                        next = uri.resolve(response.getHeader("Location"));
                                        UrlRules.parse("url", next.toString());
                                    } catch (RuntimeException e) {
                                        return Future.failedFuture(new IngestFailure(
                                                "invalid_redirect",
                                                "The URL redirected to an "
                                                        + "address that is not a valid http(s) URL."));
                                    }
                                    return follow(next, hops + 1, target);
                                }
                                if (status < 200 || status >= 300) {
                                    response.request().connection().close();
                                    return Future.failedFuture(new IngestFailure(
                                            "url_fetch_failed",
                                            "The URL answered HTTP " + status
                                                    + (response.statusMessage() == null
                                                            ? ""
                                                            : " (" + response.statusMessage() + ")")
                                                    + " instead of the file."));
                                }
                                return download(response, target);
                            },
                            failure -> Future.failedFuture(unreachable(uri, failure)));
        });
    }

    private Future<S3Upload.Stored> download(HttpClientResponse response, S3Upload target) {
        String length = response.getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,19}") && Long.parseLong(length) > maxBytes) {
            response.request().connection().close();
            return Future.failedFuture(new IngestFailure(
                    "file_too_large", "The file is " + length + " bytes; the " + "limit is " + maxBytes + " bytes."));
        }
        Promise<Void> bodyDone = Promise.promise();
        S3Pump pump = new S3Pump(
                target,
                maxBytes,
                OriginalProbe::sniff,
                failure -> {
                    response.request().connection().close();
                    bodyDone.tryFail(failure);
                },
                bodyDone::tryComplete);
        pump.pump(response);
        return bodyDone.future()
                .compose(ignored -> Future.fromCompletionStage(target.finish().subscribeAsCompletionStage()));
    }

    private Future<InetAddress> resolve(URI uri) {
        String host = uri.getHost();
        return vertx.executeBlocking(
                () -> {
                    try {
                        return policy.resolve(host);
                    } catch (UnknownHostException e) {
                        throw new IngestFailure(
                                "url_unreachable",
                                "The host '" + host + "' of the URL does not exist " + "(DNS lookup failed).");
                    } catch (NetworkPolicy.Refused e) {
                        throw new IngestFailure(
                                "url_not_allowed",
                                "The URL points to a private or internal address (" + host
                                        + "), which Mediawerk does not fetch from. Use a public URL.");
                    }
                },
                false);
    }

    private static Throwable unreachable(URI uri, Throwable failure) {
        if (failure instanceof IngestFailure) {
            return failure;
        }
        String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("timed out") || message.contains("timeout")) {
            return new IngestFailure("url_timeout", "The URL's server did not answer in time.");
        }
        return new IngestFailure(
                "url_unreachable",
                "The URL's server could not be reached (" + uri.getHost() + "): " + failure.getMessage());
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
