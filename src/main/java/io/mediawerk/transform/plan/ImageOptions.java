package io.mediawerk.transform.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiException;
import io.mediawerk.api.OptionReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates the options of an {@code image} transform. On a video, {@code start} picks the frame; it defaults to one
 * second in, or the middle of a video shorter than two seconds, past the black or fading first frames many videos
 * open with.
 */
final class ImageOptions {

    static final String KIND = "image";
    static final List<String> NAMES =
            List.of("format", "width", "height", "fit", "position", "background", "quality", "start");
    static final List<String> POSITIONS =
            List.of("center", "top", "bottom", "left", "right", "top-left", "top-right", "bottom-left", "bottom-right");
    static final int DEFAULT_QUALITY = 80;
    static final int MAX_SIDE = 7680;
    private static final double DEFAULT_FRAME_SECONDS = 1;

    private ImageOptions() {}

    static Map<String, Object> validate(ObjectNode given, InputFacts input) {
        OptionReader options = new OptionReader(given, NAMES, Words.withArticle(KIND) + " transform", "");
        InputChecks.requirePicture(KIND, input);
        ImageFormat format = ImageFormat.of(options.choice("format", ImageFormat.IDS, ImageFormat.JPEG.id()));
        Length width = Length.read(options, "width", 1, MAX_SIDE);
        Length height = Length.read(options, "height", 1, MAX_SIDE);
        String fit = options.choice("fit", Fit.ALL, Fit.CONTAIN);
        String position = options.choice("position", POSITIONS, "center");
        String background = options.text("background", "a hex colour such as \"#ffffff\"");
        Integer quality = options.integer("quality", Quality.MIN, Quality.MAX);
        if (quality != null && !format.lossy()) {
            throw ApiException.invalid(
                    "quality",
                    "quality applies to jpeg, webp and avif, not to " + format.id()
                            + ", which is lossless; leave it out.");
        }
        Double start = frameTime(options, input);

        Map<String, Object> normalised = new LinkedHashMap<>();
        normalised.put("format", format.id());
        VideoOptions.putLength(normalised, "width", width);
        VideoOptions.putLength(normalised, "height", height);
        normalised.put("fit", fit);
        normalised.put("position", position);
        if (background != null || !format.transparent()) {
            normalised.put(
                    "background", background == null ? Colors.WHITE : Colors.normalise("background", background));
        }
        if (format.lossy()) {
            normalised.put("quality", quality == null ? DEFAULT_QUALITY : quality);
        }
        if (start != null) {
            normalised.put("start", Numbers.tidy(start));
        }
        return normalised;
    }

    /** The time of the frame to take from a video; null for an image, which has no time to pick. */
    private static Double frameTime(OptionReader options, InputFacts input) {
        if (!input.isVideo()) {
            if (options.has("start")) {
                throw ApiException.invalid(
                        "start", "start picks the frame of a video, but the input is an image; " + "leave it out.");
            }
            return null;
        }
        Double duration = input.duration();
        Double start = options.number("start", 0, Double.MAX_VALUE, " (seconds)");
        if (start == null) {
            return duration == null ? 0 : Math.min(DEFAULT_FRAME_SECONDS, duration / 2);
        }
        if (duration != null && start >= duration) {
            throw ApiException.invalid(
                    "start",
                    "start (" + Numbers.text(start) + " s) must be before the end of the " + "input, which lasts "
                            + Numbers.text(duration) + " s.");
        }
        return start;
    }
}
