package io.mediawerk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much traffic an instance takes ({@code mediawerk.traffic.*}): requests in flight, and each key's rate. */
@ConfigMapping(prefix = "mediawerk.traffic")
public interface TrafficSettings {

    /**
     * API requests one instance works on at once (uploads and file deliveries have their own budgets); the next ones
     * are answered 503 with Retry-After at once rather than queued.
     */
    @WithDefault("64")
    int maxInFlight();

    /** Requests per second one API key may make on one instance, unless its project says otherwise. */
    @WithDefault("100")
    int ratePerSecond();

    /** Requests one API key may make at once after a quiet spell (the token bucket's size). */
    @WithDefault("200")
    int rateBurst();
}
