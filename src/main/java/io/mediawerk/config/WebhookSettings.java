package io.mediawerk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Webhooks and their deliveries: targets, retries, timeouts ({@code mediawerk.webhooks.*}). */
@ConfigMapping(prefix = "mediawerk.webhooks")
public interface WebhookSettings {

    /** Accept http:// webhook URLs (local development and tests only: production receivers use https). */
    @WithDefault("false")
    boolean allowHttp();

    /** Address ranges webhooks may be delivered to although they are private (e.g. 127.0.0.1/32 in tests). */
    Optional<List<String>> allowedNetworks();

    /** A receiver must answer with a 2xx within this time, or the attempt failed. */
    @WithDefault("PT10S")
    Duration timeout();

    /** Wait before the first retry; each next one waits twice as long (with jitter), up to retry-max-delay. */
    @WithDefault("PT5S")
    Duration retryFirstDelay();

    /** The longest wait between two attempts. */
    @WithDefault("PT4H")
    Duration retryMaxDelay();

    /** How long a delivery is retried before it fails for good (at least a day in production). */
    @WithDefault("PT26H")
    Duration retryFor();

    /** A webhook whose attempts all failed for this long is disabled, with the reason. */
    @WithDefault("P5D")
    Duration disableAfter();

    /** How long the previous secret keeps signing after a rotation, unless the rotation says otherwise. */
    @WithDefault("PT24H")
    Duration secretGrace();

    /** Deliveries in flight at once in this dispatcher. */
    @WithDefault("64")
    int maxInFlight();

    /** Deliveries in flight at once to one webhook, so that a slow receiver cannot take every slot. */
    @WithDefault("8")
    int maxInFlightPerWebhook();

    /** How often due retries are looked for (new events are sent at once). */
    @WithDefault("1s")
    Duration pollEvery();

    /** Deliveries (and their attempts) older than this are deleted. */
    @WithDefault("P30D")
    Duration keepDeliveries();

    /** Most webhooks one project may have. */
    @WithDefault("50")
    int maxPerProject();
}
