package io.mediawerk.transform.plan;

import io.mediawerk.api.ApiException;
import io.mediawerk.api.OptionReader;
import java.util.Map;

/**
 * The part of the input a transform reads: from {@code start} (null: the beginning) to {@code end} (null: the end),
 * in seconds.
 */
record Trim(Double start, Double end) {

    /**
     * Reads {@code start} and {@code end}: numbers of seconds, start before end and before the end of the input; an
     * end past the input's end becomes the input's end.
     */
    static Trim read(OptionReader options, InputFacts input) {
        Double duration = input.duration();
        Double start = options.number("start", 0, Double.MAX_VALUE, " (seconds)");
        Double end = options.number("end", 0, Double.MAX_VALUE, " (seconds)");
        if (start != null && duration != null && start >= duration) {
            throw ApiException.invalid(
                    "start",
                    "start (" + Numbers.text(start) + " s) must be before the end of the " + "input, which lasts "
                            + Numbers.text(duration) + " s.");
        }
        if (end != null && end <= (start == null ? 0 : start)) {
            throw ApiException.invalid(
                    "end",
                    "end (" + Numbers.text(end) + " s) must be after start (" + Numbers.text(start == null ? 0 : start)
                            + " s).");
        }
        if (end != null && duration != null && end > duration) {
            end = duration;
        }
        return new Trim(start, end);
    }

    static Trim of(Settings settings) {
        return new Trim(settings.number("start"), settings.number("end"));
    }

    void putInto(Map<String, Object> normalised) {
        if (start != null) {
            normalised.put("start", Numbers.tidy(start));
        }
        if (end != null) {
            normalised.put("end", Numbers.tidy(end));
        }
    }

    /** Seconds to skip before reading, or null. */
    Double seek() {
        return start == null || start <= 0 ? null : start;
    }

    /** Seconds to read, or null to read to the end. */
    Double length() {
        return end == null ? null : end - (start == null ? 0 : start);
    }

    /** The length of what is read, when known. */
    Double outputSeconds(InputFacts input) {
        if (end != null) {
            return length();
        }
        if (input.duration() == null) {
            return null;
        }
        return Math.max(0, input.duration() - (start == null ? 0 : start));
    }
}
