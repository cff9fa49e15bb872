package io.mediawerk.transform;

import io.mediawerk.api.Deleted;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of Create Transform as the API documents it, one schema per kind, chosen by {@code kind}. The server
 * reads the body with {@link TransformRequest} and the kind's options reader, which give the exact errors; {@code
 * ApiSchemasTest} holds these schemas to those readers' field lists.
 */
final class TransformBodies {

    private TransformBodies() {}

    private static final String MEDIA_ID = "The media to transform (its original); or give source_id.";
    private static final String SOURCE_ID = "One of the media's sources to read instead of the original.";
    private static final String LABEL =
            "The new source's label (1-64 of letters, digits, . - _; not 'original');" + " the kind by default.";
    private static final String LENGTH = "Whole pixels, or a percentage of the input's such as \"50%\".";
    private static final String START = "Seconds into the input to start at.";
    private static final String END = "Seconds into the input to end at (after start).";

    @Schema(
            name = "CreateTransformRequest",
            description = "media_id or source_id, kind, label and the kind's options beside them.",
            oneOf = {Video.class, Image.class, Audio.class, Thumbnails.class, Animation.class},
            discriminatorProperty = "kind",
            discriminatorMapping = {
                @DiscriminatorMapping(value = "video", schema = Video.class),
                @DiscriminatorMapping(value = "image", schema = Image.class),
                @DiscriminatorMapping(value = "audio", schema = Audio.class),
                @DiscriminatorMapping(value = "thumbnails", schema = Thumbnails.class),
                @DiscriminatorMapping(value = "animation", schema = Animation.class)
            })
    interface Create {}

    /** What Delete Transform answers: the cancelled transform, or what was deleted. */
    @Schema(
            name = "TransformDeletion",
            oneOf = {TransformView.class, Deleted.class})
    interface Deletion {}

    @Schema(name = "VideoTransform", description = "A video file, or an HLS ladder with format hls.")
    record Video(
            @Schema(description = MEDIA_ID, examples = "med_598j8Q37dsM3zzRe")
            String mediaId,

            @Schema(description = SOURCE_ID) String sourceId,
            @Schema(required = true, enumeration = "video") String kind,
            @Schema(description = LABEL) String label,

            @Schema(
                    enumeration = {"mp4", "webm", "mov", "hls"},
                    defaultValue = "mp4")
            String format,

            @Schema(
                    enumeration = {"h264", "h265", "vp9", "av1"},
                    description = "The format's own codec by default.")
            String codec,

            @Schema(
                    description = LENGTH,
                    oneOf = {Integer.class, String.class})
            Object width,

            @Schema(
                    description = LENGTH,
                    oneOf = {Integer.class, String.class})
            Object height,

            @Schema(
                    enumeration = {"contain", "cover", "fill"},
                    defaultValue = "contain")
            String fit,

            @Schema(minimum = "1", maximum = "100", defaultValue = "70")
            Integer quality,

            @Schema(minimum = "1", maximum = "120", description = "Frames per second.")
            Double fps,

            @Schema(minimum = "0", description = START) Double start,
            @Schema(minimum = "0", description = END) Double end,

            @Schema(defaultValue = "true", description = "false drops the audio.")
            Boolean audio) {}

    @Schema(name = "ImageTransform", description = "An image of an image, or a frame of a video.")
    record Image(
            @Schema(description = MEDIA_ID, examples = "med_598j8Q37dsM3zzRe")
            String mediaId,

            @Schema(description = SOURCE_ID) String sourceId,
            @Schema(required = true, enumeration = "image") String kind,
            @Schema(description = LABEL) String label,

            @Schema(
                    enumeration = {"jpeg", "png", "webp", "avif", "gif"},
                    defaultValue = "jpeg")
            String format,

            @Schema(
                    description = LENGTH,
                    oneOf = {Integer.class, String.class})
            Object width,

            @Schema(
                    description = LENGTH,
                    oneOf = {Integer.class, String.class})
            Object height,

            @Schema(
                    enumeration = {"contain", "cover", "fill"},
                    defaultValue = "contain")
            String fit,

            @Schema(
                    enumeration = {
                        "center",
                        "top",
                        "bottom",
                        "left",
                        "right",
                        "top-left",
                        "top-right",
                        "bottom-left",
                        "bottom-right"
                    },
                    defaultValue = "center")
            String position,

            @Schema(description = "A hex colour such as \"#ffffff\" behind what the picture leaves uncovered.")
            String background,

            @Schema(minimum = "1", maximum = "100", description = "jpeg, webp and avif only; 80 by default.")
            Integer quality,

            @Schema(minimum = "0", description = "Of a video: the second to take the frame at (1 s by default).")
            Double start) {}

    @Schema(name = "AudioTransform", description = "An audio file from audio or a video's sound.")
    record Audio(
            @Schema(description = MEDIA_ID, examples = "med_598j8Q37dsM3zzRe")
            String mediaId,

            @Schema(description = SOURCE_ID) String sourceId,
            @Schema(required = true, enumeration = "audio") String kind,
            @Schema(description = LABEL) String label,

            @Schema(
                    enumeration = {"mp3", "aac", "m4a", "opus", "ogg", "wav", "flac"},
                    defaultValue = "mp3")
            String format,

            @Schema(
                    description = "Bits per second such as 128000 or \"128k\".",
                    oneOf = {Integer.class, String.class})
            Object bitrate,

            @Schema(minimum = "1", maximum = "2") Integer channels,
            @Schema(minimum = "0", description = START) Double start,
            @Schema(minimum = "0", description = END) Double end) {}

    @Schema(name = "ThumbnailsTransform", description = "A sprite sheet of frames with its WebVTT track.")
    record Thumbnails(
            @Schema(description = MEDIA_ID, examples = "med_598j8Q37dsM3zzRe")
            String mediaId,

            @Schema(description = SOURCE_ID) String sourceId,

            @Schema(required = true, enumeration = "thumbnails")
            String kind,

            @Schema(description = LABEL) String label,

            @Schema(minimum = "1", maximum = "100", description = "How many frames; or give interval.")
            Integer count,

            @Schema(minimum = "0.5", maximum = "3600", description = "Seconds between frames.")
            Double interval,

            @Schema(minimum = "32", maximum = "640", description = "Of each frame, in pixels.")
            Integer width,

            @Schema(
                    enumeration = {"jpeg", "webp"},
                    defaultValue = "jpeg")
            String format) {}

    @Schema(name = "AnimationTransform", description = "An animated GIF or WebP of part of a video.")
    record Animation(
            @Schema(description = MEDIA_ID, examples = "med_598j8Q37dsM3zzRe")
            String mediaId,

            @Schema(description = SOURCE_ID) String sourceId,

            @Schema(required = true, enumeration = "animation")
            String kind,

            @Schema(description = LABEL) String label,

            @Schema(
                    enumeration = {"gif", "webp"},
                    defaultValue = "gif")
            String format,

            @Schema(minimum = "0", description = START) Double start,
            @Schema(minimum = "0", description = END) Double end,

            @Schema(minimum = "1", maximum = "30", description = "Frames per second.")
            Double fps,

            @Schema(minimum = "16", maximum = "1280", description = "In pixels.")
            Integer width) {}
}
