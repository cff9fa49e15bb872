package io.mediawerk.intelligence.analysis;

import java.time.Duration;

/** The time an analysis of several program runs may take in all. */
final class Deadline {

    private final Duration timeout;
    private final long endNanos;

    private Deadline(Duration timeout) {
        this.timeout = timeout;
        this.endNanos = System.nanoTime() + timeout.toNanos();
    }

    static Deadline after(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout must be positive");
        }
        return new Deadline(timeout);
    }

    /** @throws AnalysisFailure when no time is left */
    Duration left() {
        long left = endNanos - System.nanoTime();
        if (left <= 0) {
            throw expired();
        }
        return Duration.ofNanos(left);
    }

    AnalysisFailure expired() {
        return AnalysisFailure.timeout(timeout);
    }
}
