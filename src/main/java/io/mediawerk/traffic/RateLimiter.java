package io.mediawerk.traffic;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.mediawerk.api.Caller;
import io.mediawerk.api.RateLimit;
import io.mediawerk.config.TrafficSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * A token bucket per API key, in this instance's memory: it holds up to {@code burst} requests and refills at
 * {@code per_second}. Each api replica keeps its own, so N replicas behind a load balancer allow a key up to N times
 * its limit in all (see docs/traffic.md).
 */
@ApplicationScoped
public class RateLimiter {

    /** A bucket unused this long is dropped; it would be full again anyway. */
    private static final Duration IDLE = Duration.ofMinutes(10);

    private final RateLimit defaults;
    private final Cache<String, Bucket> buckets =
            Caffeine.newBuilder().expireAfterAccess(IDLE).maximumSize(1_000_000).build();

    public RateLimiter(TrafficSettings settings) {
        this.defaults = new RateLimit(settings.ratePerSecond(), settings.rateBurst());
    }

    /** Takes one request from the caller's bucket. */
    public RateDecision take(Caller caller) {
        RateLimit limit = caller.rateLimit() == null ? defaults : caller.rateLimit();
        return buckets.get(caller.keyId(), ignored -> new Bucket(limit)).take(limit, System.nanoTime());
    }

    private static final class Bucket {

        private double tokens;
        private long updated = System.nanoTime();

        Bucket(RateLimit limit) {
            tokens = limit.burst();
        }

        synchronized RateDecision take(RateLimit limit, long now) {
            tokens = Math.min(limit.burst(), tokens + (now - updated) / 1e9 * limit.perSecond());
            updated = now;
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            return new RateDecision(allowed, limit, tokens);
        }
    }
}
