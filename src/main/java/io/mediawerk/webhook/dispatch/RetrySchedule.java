package io.mediawerk.webhook.dispatch;

import io.mediawerk.config.WebhookSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is tried again: the first retry after {@code retry-first-delay}, each next one twice as
 * late up to {@code retry-max-delay}, every wait spread by ±25 % so that a receiver coming back is not hit by every
 * retry at once; the last attempt falls at the end of the retry window.
 */
@ApplicationScoped
public class RetrySchedule {

    private static final double JITTER = 0.25;

    private final Duration firstDelay;
    private final Duration maxDelay;

    @Inject
    public RetrySchedule(WebhookSettings webhookSettings) {
        this(webhookSettings.retryFirstDelay(), webhookSettings.retryMaxDelay());
    }

    RetrySchedule(Duration firstDelay, Duration maxDelay) {
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    /** The next attempt after {@code attemptsMade} failed ones, or null when the window is over. */
    public Instant next(int attemptsMade, Instant now, Instant retryUntil) {
        if (!now.isBefore(retryUntil)) {
            return null;
        }
        Instant next = now.plusMillis(Math.round(delay(attemptsMade).toMillis()
                * (1 + ThreadLocalRandom.current().nextDouble(-JITTER, JITTER))));
        return next.isAfter(retryUntil) ? retryUntil : next;
    }

    /** The wait after {@code attemptsMade} failures, before jitter. */
    Duration delay(int attemptsMade) {
        int doublings = Math.min(Math.max(attemptsMade - 1, 0), 40);
        double millis = firstDelay.toMillis() * Math.pow(2, doublings);
        return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
    }
}
