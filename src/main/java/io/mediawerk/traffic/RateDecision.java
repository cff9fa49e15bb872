package io.mediawerk.traffic;

import io.mediawerk.api.RateLimit;

/**
 * One request's turn at its key's bucket, and the headers that tell the caller where it stands, as the IETF draft
 * (draft-ietf-httpapi-ratelimit-headers) has them: the policy's quota {@code q} is the burst, restored in full over
 * {@code w} seconds; {@code r} is what is left and {@code t} the seconds until the bucket is full again.
 */
public record RateDecision(boolean allowed, RateLimit limit, double tokens) {

    public static final String POLICY_HEADER = "RateLimit-Policy";
    public static final String HEADER = "RateLimit";

    public String policy() {
        return "\"default\";q=" + limit.burst() + ";w=" + seconds(limit.burst());
    }

    public String current() {
        return "\"default\";r=" + (long) Math.floor(tokens) + ";t=" + seconds(limit.burst() - tokens);
    }

    /** Whole seconds until the next request may go (for Retry-After), at least 1. */
    public long retryAfter() {
        return Math.max(1, seconds(1 - tokens));
    }

    /** Whole seconds the bucket takes to gain this many tokens. */
    private long seconds(double wanted) {
        return wanted <= 0 ? 0 : (long) Math.ceil(wanted / limit.perSecond());
    }
}
