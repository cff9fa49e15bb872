package io.mediawerk.media;

/** The HLS stream every video gets for players (see the project's {@code playback} setting). */
public final class Playback {

    /** The label of a media's playback source. */
    public static final String LABEL = "playback";

    private Playback() {}
}
