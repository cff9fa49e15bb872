package io.mediawerk.intelligence.analysis;

/** Pieces of ffmpeg filter graphs. */
final class Filters {

    /**
     * ffmpeg's standard output as the {@code file} of the metadata filters: "pipe:1" with its colon escaped once for
     * the option parser and once more for the filter graph parser.
     */
    static final String STDOUT = "pipe\\\\\\:1";

    private Filters() {}
}
