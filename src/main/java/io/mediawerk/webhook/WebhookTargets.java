package io.mediawerk.webhook;

import io.mediawerk.api.ApiException;
import io.mediawerk.config.WebhookSettings;
import io.mediawerk.ingest.UrlRules;
import io.mediawerk.net.NetworkPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where webhooks may point: https (http only where the operator allows it), and never at loopback, private or
 * metadata addresses unless allowed. The host is checked when the webhook is saved and resolved again before every
 * attempt, and the request goes to the address that was checked, so DNS cannot be rebound in between.
 */
@ApplicationScoped
public class WebhookTargets {

    /** Why a URL may not be delivered to; the message is for the customer. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final Vertx vertx;
    private final NetworkPolicy policy;
    private final boolean allowHttp;

    public WebhookTargets(Vertx vertx, WebhookSettings webhookSettings) {
        this.vertx = vertx;
        this.policy = NetworkPolicy.allowing(webhookSettings.allowedNetworks().orElse(List.of()));
        this.allowHttp = webhookSettings.allowHttp();
    }

    /** The URL's form: 400 naming {@code field} if it is not one a webhook may have. */
    public URI parse(String field, String url) {
        URI uri = UrlRules.parse(field, url);
        if (!allowHttp && !"https".equals(uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw ApiException.invalid(field, "Webhook URLs must use https:// so that events travel encrypted.");
        }
        if (uri.getRawFragment() != null) {
            throw ApiException.invalid(field, field + " must not have a #fragment; it is never sent.");
        }
        return uri;
    }

    /** The address to connect to: the host resolved, every address it has checked; fails with {@link Refused}. */
    public Uni<InetAddress> resolve(URI uri) {
        String host = uri.getHost();
        return Uni.createFrom()
                .completionStage(() -> vertx.executeBlocking(
                                () -> {
                                    try {
                                        return policy.resolve(host);
                                    } catch (UnknownHostException e) {
                                        throw new Refused(
                                                "The host '" + host + "' does not resolve (DNS lookup failed).");
                                    } catch (NetworkPolicy.Refused e) {
                                        throw new Refused("The host '" + host
                                                + "' resolves to a private or internal address (" + e.address()
                                                + "); webhooks are only delivered to public addresses.");
                                    }
                                },
                                false)
                        .toCompletionStage());
    }
}
