package io.mediawerk.domain;

import io.mediawerk.config.DomainSettings;
import io.mediawerk.net.NetworkPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.dns.DnsClient;
import io.vertx.core.dns.DnsClientOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Proves a project controls a hostname, two ways: a DNS TXT record {@code _mediawerk-challenge.<hostname>} holding
 * {@code mediawerk-verification=<token>}, or the token served at
 * {@code http://<hostname>/.well-known/mediawerk-verification/<token>}. The HTTP check connects only to public
 * addresses (the address checked is the one connected to), follows no redirects and reads 1 KiB at most.
 */
@ApplicationScoped
public class DomainVerifier {

    static final String TXT_PREFIX = "_mediawerk-challenge.";
    static final String TXT_VALUE = "mediawerk-verification=";
    static final String WELL_KNOWN = "/.well-known/mediawerk-verification/";
    private static final int MAX_ANSWER = 1024;

    /** What one check found: verified (and how), or why not. */
    record Outcome(String verifiedBy, String error) {

        boolean verified() {
            return verifiedBy != null;
        }
    }

    private final DnsClient dns;
    private final HttpClient http;
    private final NetworkPolicy policy;
    private final int httpPort;
    private final long timeoutMs;

    public DomainVerifier(Vertx vertx, DomainSettings domainSettings) {
        DomainSettings settings = domainSettings;
        this.timeoutMs = settings.timeout().toMillis();
        DnsClientOptions options =
                new DnsClientOptions().setQueryTimeout(timeoutMs).setRecursionDesired(true);
        settings.dnsServer().ifPresent(server -> {
            int colon = server.lastIndexOf(':');
            options.setHost(colon < 0 ? server : server.substring(0, colon))
                    .setPort(colon < 0 ? 53 : Integer.parseInt(server.substring(colon + 1)));
        });
        this.dns = vertx.createDnsClient(options);
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeoutMs)
                .setIdleTimeout((int) Math.max(1, settings.timeout().toSeconds()))
                .setKeepAlive(false));
        this.policy = NetworkPolicy.allowing(settings.allowedNetworks().orElse(List.of()));
        this.httpPort = settings.httpPort();
    }

    Uni<Outcome> check(String hostname, String token) {
        return byDns(hostname, token)
                .chain(dnsOutcome -> dnsOutcome.verified()
                        ? Uni.createFrom().item(dnsOutcome)
                        : byHttp(hostname, token)
                                .map(httpOutcome -> httpOutcome.verified()
                                        ? httpOutcome
                                        : new Outcome(null, dnsOutcome.error() + " " + httpOutcome.error())));
    }

    private Uni<Outcome> byDns(String hostname, String token) {
        String name = TXT_PREFIX + hostname;
        return uni(dns.resolveTXT(name))
                .map(records -> records.stream()
                                .anyMatch(record -> record.strip().equals(TXT_VALUE + token))
                        ? new Outcome("dns", null)
                        : new Outcome(
                                null, "DNS: the TXT records of " + name + " do not include " + TXT_VALUE + token + "."))
                .onFailure()
                .recoverWithItem(e -> new Outcome(null, "DNS: no TXT record at " + name + " (" + reason(e) + ")."));
    }

    private Uni<Outcome> byHttp(String hostname, String token) {
        URI uri = URI.create("http://" + hostname + ":" + httpPort + WELL_KNOWN + token);
        String shown = "http://" + hostname + (httpPort == 80 ? "" : ":" + httpPort) + WELL_KNOWN + token;
        return uni(dns.resolveA(hostname))
                .chain(addresses -> {
                    if (addresses.isEmpty()) {
                        return Uni.createFrom().item(new Outcome(null, "HTTP: " + hostname + " has no A record."));
                    }
                    InetAddress address = literal(addresses.get(0));
                    if (!policy.permits(address)) {
                        return Uni.createFrom()
                                .item(new Outcome(
                                        null,
                                        "HTTP: " + hostname + " points at " + address.getHostAddress()
                                                + ", a private address; it must point at this Mediawerk."));
                    }
                    return uni(http.request(NetworkPolicy.requestTo(uri, address, HttpMethod.GET)
                                            .setTimeout(timeoutMs))
                                    .compose(request -> request.send())
                                    .compose(DomainVerifier::firstKilobyte))
                            .map(answer -> answer.status() == 200
                                            && answer.body().strip().equals(token)
                                    ? new Outcome("http", null)
                                    : new Outcome(
                                            null,
                                            "HTTP: " + shown + " answered " + answer.status()
                                                    + (answer.status() == 200 ? " without the token" : "") + "."));
                })
                .onFailure()
                .recoverWithItem(
                        e -> new Outcome(null, "HTTP: " + shown + " could not be fetched (" + reason(e) + ")."));
    }

    private record Answer(int status, String body) {}

    private static Future<Answer> firstKilobyte(HttpClientResponse response) {
        Promise<Answer> answer = Promise.promise();
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
            if (body.length() < MAX_ANSWER) {
                body.appendBuffer(
                        chunk.length() > MAX_ANSWER - body.length()
                                ? chunk.getBuffer(0, MAX_ANSWER - body.length())
                                : chunk);
            }
            if (body.length() >= MAX_ANSWER) {
                answer.tryComplete(new Answer(response.statusCode(), body.toString(StandardCharsets.UTF_8)));
                response.request().reset();
            }
        });
        response.endHandler(
                end -> answer.tryComplete(new Answer(response.statusCode(), body.toString(StandardCharsets.UTF_8))));
        response.exceptionHandler(answer::tryFail);
        return answer.future();
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Not an address: " + address, e);
        }
    }

    private static String reason(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static <T> Uni<T> uni(Future<T> future) {
        return Uni.createFrom().completionStage(future.toCompletionStage());
    }
}
