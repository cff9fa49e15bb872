package io.mediawerk.transform.plan;

/**
 * Facts about the input source, as probed earlier and stored in the database.
 *
 * @param kind "video", "image" or "audio"
 * @param container mp4 mov mkv webm hevc jpeg png gif webp heif avif mp3 aac m4a wav ogg flac (HEIC images are "heif")
 * @param videoCodec the ffprobe codec name of the first video stream, or null (images and audio-only inputs)
 * @param audioCodec the ffprobe codec name of the first audio stream, or null
 * @param width the displayed width (rotation applied), or null for audio
 * @param height the displayed height (rotation applied), or null for audio
 * @param duration seconds, or null for still images
 * @param fps frames per second, or null
 */
public record InputFacts(
        String kind,
        String container,
        String videoCodec,
        String audioCodec,
        Integer width,
        Integer height,
        Double duration,
        Double fps) {

    boolean isVideo() {
        return "video".equals(kind);
    }

    boolean isImage() {
        return "image".equals(kind);
    }

    boolean hasAudio() {
        return audioCodec != null;
    }

    boolean hasSize() {
        return width != null && height != null && width > 0 && height > 0;
    }
}
