package io.mediawerk.media.probe;

/**
 * What a media file holds. Fields are null where they are unknown or do not apply: images have no duration, frame
 * rate, bitrate or codecs (their format says it all); audio has no size.
 *
 * @param kind {@link MediaKind#VIDEO}, {@link MediaKind#IMAGE} or {@link MediaKind#AUDIO}
 * @param width the displayed width, rotation applied
 * @param height the displayed height, rotation applied
 * @param duration in seconds
 * @param fps the average frame rate of the video
 * @param bitrate the overall bitrate in bits per second
 */
public record ProbeResult(
        String kind,
        String mimeType,
        String container,
        String videoCodec,
        String audioCodec,
        Integer width,
        Integer height,
        Double duration,
        Double fps,
        Long bitrate) {

    /** A HEIC image, measured from its boxes since ffprobe cannot read it. */
    public static ProbeResult heic(Dimensions size) {
        return image(MediaFormat.HEIC, size);
    }

    static ProbeResult image(MediaFormat format, Dimensions size) {
        Integer width = size == null ? null : size.width();
        Integer height = size == null ? null : size.height();
        return new ProbeResult(
                MediaKind.IMAGE, format.mimeType(), format.container(), null, null, width, height, null, null, null);
    }

    ProbeResult withSize(Dimensions size) {
        return new ProbeResult(
                kind, mimeType, container, videoCodec, audioCodec, size.width(), size.height(), duration, fps, bitrate);
    }
}
