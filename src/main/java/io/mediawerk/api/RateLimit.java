package io.mediawerk.api;

/** A token bucket's settings: it refills at {@code perSecond} requests a second and holds at most {@code burst}. */
public record RateLimit(int perSecond, int burst) {

    /** The most either may be. */
    public static final int MAX = 1_000_000;
}
