package io.mediawerk.transform.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiException;
import io.mediawerk.api.OptionReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates the options of an {@code animation} transform: an animated GIF or WebP of at most 30 seconds of the video,
 * five seconds from {@code start} unless {@code end} says otherwise.
 */
final class AnimationOptions {

    static final String KIND = "animation";
    static final List<String> NAMES = List.of("format", "start", "end", "fps", "width");
    static final List<String> FORMATS = List.of("gif", "webp");
    static final double DEFAULT_SECONDS = 5;
    static final double MAX_SECONDS = 30;
    static final int DEFAULT_FPS = 10;
    static final int DEFAULT_WIDTH = 320;

    private AnimationOptions() {}

    static Map<String, Object> validate(ObjectNode given, InputFacts input) {
        OptionReader options = new OptionReader(given, NAMES, Words.withArticle(KIND) + " transform", "");
        InputChecks.requireVideo(KIND, input);
        String format = options.choice("format", FORMATS, "gif");
        Trim trim = Trim.read(options, input);
        double start = trim.start() == null ? 0 : trim.start();
        double end = trim.end() != null
                ? trim.end()
                : input.duration() == null
                        ? start + DEFAULT_SECONDS
                        : Math.min(start + DEFAULT_SECONDS, input.duration());
        if (end - start > MAX_SECONDS) {
            throw ApiException.invalid(
                    "end",
                    "An animation lasts at most " + Numbers.text(MAX_SECONDS) + " s; from "
                            + Numbers.text(start) + " s to " + Numbers.text(end) + " s is " + Numbers.text(end - start)
                            + " s. Use an end of at most " + Numbers.text(start + MAX_SECONDS) + ".");
        }
        Double asked = options.number("fps", 1, 30, " (frames per second)");
        double fps = VideoOptions.cappedFps(asked == null ? DEFAULT_FPS : asked, input);
        int width = Math.min(options.integer("width", 16, 1280, DEFAULT_WIDTH), input.width());

        Map<String, Object> normalised = new LinkedHashMap<>();
        normalised.put("format", format);
        normalised.put("start", Numbers.tidy(start));
        normalised.put("end", Numbers.tidy(end));
        normalised.put("fps", Numbers.tidy(fps));
        normalised.put("width", width);
        return normalised;
    }
}
