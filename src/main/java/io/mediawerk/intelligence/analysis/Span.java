package io.mediawerk.intelligence.analysis;

/** A stretch of the media, in seconds from its start. */
public record Span(double start, double end) {

    public double duration() {
        return end - start;
    }
}
