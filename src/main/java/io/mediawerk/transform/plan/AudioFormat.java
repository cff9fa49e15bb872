package io.mediawerk.transform.plan;

import java.util.List;

/** The audio formats a transform writes. */
enum AudioFormat {
    MP3("mp3", "libmp3lame", "mp3", "mp3", "mp3", "audio/mpeg"),
    AAC("aac", "aac", "adts", "aac", "aac", "audio/aac"),
    M4A("m4a", "aac", "ipod", "m4a", "m4a", "audio/mp4"),
    OPUS("opus", "libopus", "opus", "opus", "ogg", "audio/ogg"),
    OGG("ogg", "libvorbis", "ogg", "ogg", "ogg", "audio/ogg"),
    WAV("wav", "pcm_s16le", "wav", "wav", "wav", "audio/wav"),
    FLAC("flac", "flac", "flac", "flac", "flac", "audio/flac");

    static final List<String> IDS = List.of("mp3", "aac", "m4a", "opus", "ogg", "wav", "flac");
    /** Keeps mono and stereo as they are and mixes anything wider down to stereo. */
    static final String AT_MOST_STEREO = "aformat=channel_layouts=mono|stereo";

    private final String id;
    private final String encoder;
    private final String muxer;
    private final String extension;
    private final String container;
    private final String mimeType;

    AudioFormat(String id, String encoder, String muxer, String extension, String container, String mimeType) {
        this.id = id;
        this.encoder = encoder;
        this.muxer = muxer;
        this.extension = extension;
        this.container = container;
        this.mimeType = mimeType;
    }

    static AudioFormat of(String id) {
        for (AudioFormat format : values()) {
            if (format.id.equals(id)) {
                return format;
            }
        }
        throw new IllegalArgumentException("Unknown audio format " + id);
    }

    String id() {
        return id;
    }

    String encoder() {
        return encoder;
    }

    String muxer() {
        return muxer;
    }

    String extension() {
        return extension;
    }

    String container() {
        return container;
    }

    String mimeType() {
        return mimeType;
    }

    /** Whether the format is compressed at a bitrate; WAV and FLAC keep every sample. */
    boolean hasBitrate() {
        return this != WAV && this != FLAC;
    }
}
