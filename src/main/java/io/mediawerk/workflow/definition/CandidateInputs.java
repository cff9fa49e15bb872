package io.mediawerk.workflow.definition;

import io.mediawerk.source.Source;
import io.mediawerk.transform.TransformInputs;
import io.mediawerk.transform.plan.TransformOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stand-ins for the inputs a step may get, to check its options before any media exists: a step is accepted when
 * its options fit at least one of them. Long and short, large and small ones are there so that options which
 * depend on the real input (a trim near the end, thumbnails every second) are left to the run, where the real
 * input decides.
 */
final class CandidateInputs {

    private static final double LONG = 86_400;
    private static final double SHORT = 10;

    private CandidateInputs() {}

    /** What a media's original may be. */
    static List<Source> original() {
        return List.of(
                source("video", "mp4", "h264", "aac", 3840, 2160, LONG, 60.0),
                source("video", "mp4", "h264", "aac", 640, 360, SHORT, 30.0),
                source("video", "mp4", "h264", null, 640, 360, SHORT, 30.0),
                source("image", "jpeg", "mjpeg", null, 4000, 3000, null, null),
                source("image", "png", "png", null, 64, 64, null, null),
                source("audio", "mp3", null, "mp3", null, null, LONG, null),
                source("audio", "mp3", null, "mp3", null, null, SHORT, null));
    }

    /** What a transform of {@code kind} with these normalised options makes of {@code from}, if a step can read it. */
    static Optional<Source> output(String kind, Map<String, Object> options, Source from) {
        String format = String.valueOf(options.get("format"));
        Source made = switch (kind) {
            case "video" ->
                source(
                        "video",
                        format,
                        "h264",
                        Boolean.TRUE.equals(options.get("audio")) ? "aac" : null,
                        from.width,
                        from.height,
                        from.duration,
                        from.fps);
            case "audio" -> source("audio", format, null, format, null, null, from.duration, null);
            case "image", "animation" -> source("image", format, format, null, from.width, from.height, null, null);
            default -> null;
        };
        return made == null || !TransformOptions.isReadable(TransformInputs.facts(made))
                ? Optional.empty()
                : Optional.of(made);
    }

    private static Source source(
            String kind,
            String container,
            String videoCodec,
            String audioCodec,
            Integer width,
            Integer height,
            Double duration,
            Double fps) {
        Source source = new Source();
        source.kind = kind;
        source.container = container;
        source.videoCodec = videoCodec;
        source.audioCodec = audioCodec;
        source.width = width;
        source.height = height;
        source.duration = duration;
        source.fps = fps;
        return source;
    }
}
