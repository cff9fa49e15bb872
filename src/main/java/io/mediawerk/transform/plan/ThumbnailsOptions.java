package io.mediawerk.transform.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiException;
import io.mediawerk.api.OptionReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates the options of a {@code thumbnails} transform: {@code count} thumbnails spread evenly over the video, or
 * one every {@code interval} seconds, {@code width} pixels wide, on one sprite sheet.
 */
final class ThumbnailsOptions {

    static final String KIND = "thumbnails";
    static final List<String> NAMES = List.of("count", "interval", "width", "format");
    static final List<String> FORMATS = List.of("jpeg", "webp");
    static final int DEFAULT_COUNT = 10;
    static final int MAX_COUNT = 100;
    static final int DEFAULT_WIDTH = 160;

    private ThumbnailsOptions() {}

    static Map<String, Object> validate(ObjectNode given, InputFacts input) {
        OptionReader options = new OptionReader(given, NAMES, Words.withArticle(KIND) + " transform", "");
        InputChecks.requireVideo(KIND, input);
        Integer count = options.integer("count", 1, MAX_COUNT);
        Double interval = options.number("interval", 0.5, 3600, " (seconds)");
        if (count != null && interval != null) {
            throw ApiException.invalid(
                    "interval",
                    "Give count or interval, not both: count spreads that many "
                            + "thumbnails over the video, interval takes one every so many seconds.");
        }
        int width = options.integer("width", 32, 640, DEFAULT_WIDTH);
        String format = options.choice("format", FORMATS, "jpeg");
        if (input.duration() == null || input.duration() <= 0) {
            throw ApiException.invalid(
                    "kind",
                    "The input's duration is unknown, so thumbnails cannot be spread over "
                            + "it. Kinds that fit it: video, image.");
        }
        if (interval != null) {
            int made = SpriteSheet.countFor(input.duration(), interval);
            if (made > MAX_COUNT) {
                throw ApiException.invalid(
                        "interval",
                        "An interval of " + Numbers.text(interval) + " s makes " + made
                                + " thumbnails of this " + Numbers.text(input.duration()) + " s video; at most "
                                + MAX_COUNT
                                + " fit a sprite sheet, so use an interval of at least "
                                + Numbers.text(Math.ceil(input.duration() / MAX_COUNT * 1000) / 1000) + " s.");
            }
        }
        SpriteSheet sheet = SpriteSheet.of(VideoOptions.size(input), input.duration(), count, interval, width, format);
        if (sheet.height() > SpriteSheet.maxSide(format)) {
            throw ApiException.invalid(
                    "width",
                    "The sprite sheet of these thumbnails would be " + sheet.height()
                            + " pixels high, more than " + format + " allows (" + SpriteSheet.maxSide(format)
                            + "); use a smaller width or fewer thumbnails.");
        }

        Map<String, Object> normalised = new LinkedHashMap<>();
        if (interval != null) {
            normalised.put("interval", Numbers.tidy(interval));
        } else {
            normalised.put("count", count == null ? DEFAULT_COUNT : count);
        }
        normalised.put("width", width);
        normalised.put("format", format);
        return normalised;
    }
}
