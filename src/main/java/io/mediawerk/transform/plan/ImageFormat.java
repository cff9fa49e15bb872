package io.mediawerk.transform.plan;

import java.util.List;

/** The still image formats a transform writes. */
enum ImageFormat {
    JPEG("jpeg", "jpg", "image/jpeg", true, false),
    PNG("png", "png", "image/png", false, true),
    WEBP("webp", "webp", "image/webp", true, true),
    AVIF("avif", "avif", "image/avif", true, false),
    GIF("gif", "gif", "image/gif", false, true);

    static final List<String> IDS = List.of("jpeg", "png", "webp", "avif", "gif");

    private final String id;
    private final String extension;
    private final String mimeType;
    private final boolean lossy;
    private final boolean transparent;

    ImageFormat(String id, String extension, String mimeType, boolean lossy, boolean transparent) {
        this.id = id;
        this.extension = extension;
        this.mimeType = mimeType;
        this.lossy = lossy;
        this.transparent = transparent;
    }

    static ImageFormat of(String id) {
        for (ImageFormat format : values()) {
            if (format.id.equals(id)) {
                return format;
            }
        }
        throw new IllegalArgumentException("Unknown image format " + id);
    }

    String id() {
        return id;
    }

    String extension() {
        return extension;
    }

    String mimeType() {
        return mimeType;
    }

    /** Whether {@code quality} applies. */
    boolean lossy() {
        return lossy;
    }

    /** Whether the format keeps transparency; the others get a background colour behind it. */
    boolean transparent() {
        return transparent;
    }

    /** The encoder and muxer options for one picture at {@code quality} (ignored when not lossy). */
    List<String> encoderOptions(int quality) {
        return switch (this) {
            case JPEG ->
                List.of(
                        "-c:v",
                        "mjpeg",
                        "-q:v",
                        Integer.toString(Quality.scale(quality, 31, 2)),
                        "-update",
                        "1",
                        "-f",
                        "image2");
            case PNG -> List.of("-c:v", "png", "-update", "1", "-f", "image2");
            case WEBP -> List.of("-c:v", "libwebp", "-quality", Integer.toString(quality), "-f", "webp");
            case AVIF ->
                List.of(
                        "-c:v",
                        "libaom-av1",
                        "-still-picture",
                        "1",
                        "-crf",
                        Integer.toString(Quality.scale(quality, 60, 12)),
                        "-cpu-used",
                        "6",
                        "-row-mt",
                        "1",
                        "-f",
                        "avif");
            case GIF -> List.of("-c:v", "gif", "-f", "gif");
        };
    }

    /** The pixel format the encoder gets, or null to let ffmpeg choose. */
    String pixelFormat() {
        return switch (this) {
            case JPEG -> "yuvj420p";
            case AVIF -> "yuv420p";
            default -> null;
        };
    }
}
