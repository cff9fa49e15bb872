package io.mediawerk.transform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediawerk.api.ApiException;
import io.mediawerk.api.OptionReader;

/**
 * A width or height as the caller asked for it: a number of pixels, or a percentage of the input's size.
 *
 * @param value pixels, or the percentage (1 to 100)
 */
record Length(double value, boolean percent) {

    static Length pixels(int pixels) {
        return new Length(pixels, false);
    }

    static Length percentage(double percentage) {
        return new Length(percentage, true);
    }

    /** Whole pixels from {@code minPixels} to {@code maxPixels}, or a percentage from "1%" to "100%"; null if not given. */
    static Length read(OptionReader options, String name, int minPixels, int maxPixels) {
        JsonNode node = options.node(name);
        if (node == null) {
            return null;
        }
        ApiException invalid = options.invalid(
                name,
                "must be a whole number of pixels from " + minPixels + " to "
                        + maxPixels + " or a percentage of the input's from \"1%\" to \"100%\"; got "
                        + OptionReader.echo(node) + ".");
        if (node.isNumber()) {
            if (!node.canConvertToExactIntegral() || node.asDouble() < minPixels || node.asDouble() > maxPixels) {
                throw invalid;
            }
            return pixels(node.intValue());
        }
        String text = node.isTextual() ? node.asText().strip() : "";
        if (!text.matches("\\d{1,3}(\\.\\d{1,3})?\\s*%")) {
            throw invalid;
        }
        double percentage =
                Double.parseDouble(text.substring(0, text.length() - 1).strip());
        if (percentage < 1 || percentage > 100) {
            throw invalid;
        }
        return percentage(percentage);
    }

    /** Reads a length as {@link #toJson()} stored it, whatever number type came back from JSON. */
    static Length fromJson(Object stored) {
        if (stored instanceof Number number) {
            return pixels(number.intValue());
        }
        if (stored instanceof String text && text.endsWith("%")) {
            return percentage(
                    Double.parseDouble(text.substring(0, text.length() - 1).strip()));
        }
        throw new IllegalArgumentException("Not a length: " + stored);
    }

    /** Pixels as an Integer, a percentage as text such as "50%". */
    Object toJson() {
        return percent ? Numbers.text(value) + "%" : (Object) (int) value;
    }

    /** The length in pixels for an input this many pixels long. */
    double of(int inputPixels) {
        return percent ? inputPixels * value / 100 : value;
    }

    /** The factor by which this percentage scales a size. */
    double fraction() {
        return value / 100;
    }
}
