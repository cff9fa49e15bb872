package io.mediawerk.media.probe;

/** What a media file holds, as the API names it. */
public final class MediaKind {

    public static final String VIDEO = "video";
    public static final String IMAGE = "image";
    public static final String AUDIO = "audio";

    private MediaKind() {}
}
