package io.mediawerk.transform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Typed access to the options of one transform as the caller sent them. Every failure is a 400 naming the option and
 * saying what it accepts. An option set to JSON null counts as not given.
 */
final class OptionReader {

    private static final int MAX_ECHO = 40;

    private final ObjectNode options;

    /** @throws ApiException when an option is not one of {@code allowed} */
    OptionReader(String kind, ObjectNode options, List<String> allowed) {
        this.options = options;
        if (options == null) {
            return;
        }
        Iterator<String> names = options.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.invalid(name, "Unknown option '" + name + "' for " + Words.withArticle(kind)
                        + " transform. Its options are: " + String.join(", ", allowed) + ".");
            }
        }
    }

    boolean has(String name) {
        return node(name) != null;
    }

    /** The option's value, null when it is not given. */
    JsonNode node(String name) {
        JsonNode node = options == null ? null : options.get(name);
        return node == null || node.isNull() ? null : node;
    }

    /** One of {@code allowed} (any letter case), or {@code fallback} when not given. */
    String choice(String name, List<String> allowed, String fallback) {
        JsonNode node = node(name);
        if (node == null) {
            return fallback;
        }
        String value = node.isTextual() ? node.asText().strip().toLowerCase(Locale.ROOT) : null;
        if (value == null || !allowed.contains(value)) {
            throw ApiException.invalid(name, name + " must be one of " + String.join(", ", allowed) + "; got "
                    + echo(node) + ".");
        }
        return value;
    }

    /** A whole number from {@code min} to {@code max}, or null when not given. */
    Integer integer(String name, int min, int max) {
        JsonNode node = node(name);
        if (node == null) {
            return null;
        }
        if (!node.isNumber() || !node.canConvertToExactIntegral() || node.asDouble() < min || node.asDouble() > max) {
            throw ApiException.invalid(name, name + " must be a whole number from " + min + " to " + max + "; got "
                    + echo(node) + ".");
        }
        return node.intValue();
    }

    int integer(String name, int min, int max, int fallback) {
        Integer value = integer(name, min, max);
        return value == null ? fallback : value;
    }

    /** A number from {@code min} to {@code max}, or null when not given. */
    Double number(String name, double min, double max, String unit) {
        JsonNode node = node(name);
        if (node == null) {
            return null;
        }
        if (!node.isNumber() || !Double.isFinite(node.asDouble()) || node.asDouble() < min
                || node.asDouble() > max) {
            String range = max == Double.MAX_VALUE ? "of at least " + Numbers.text(min)
                    : "from " + Numbers.text(min) + " to " + Numbers.text(max);
            throw ApiException.invalid(name, name + " must be a number " + range + unit + "; got " + echo(node) + ".");
        }
        return node.asDouble();
    }

    boolean bool(String name, boolean fallback) {
        JsonNode node = node(name);
        if (node == null) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw ApiException.invalid(name, name + " must be true or false; got " + echo(node) + ".");
        }
        return node.booleanValue();
    }

    /** Whole pixels from {@code minPixels} to {@code maxPixels}, or a percentage from "1%" to "100%". */
    Length length(String name, int minPixels, int maxPixels) {
        JsonNode node = node(name);
        if (node == null) {
            return null;
        }
        String expected = name + " must be a whole number of pixels from " + minPixels + " to " + maxPixels
                + " or a percentage of the input's from \"1%\" to \"100%\"; got " + echo(node) + ".";
        if (node.isNumber()) {
            if (!node.canConvertToExactIntegral() || node.asDouble() < minPixels || node.asDouble() > maxPixels) {
                throw ApiException.invalid(name, expected);
            }
            return Length.pixels(node.intValue());
        }
        String text = node.isTextual() ? node.asText().strip() : "";
        if (!text.matches("\\d{1,3}(\\.\\d{1,3})?\\s*%")) {
            throw ApiException.invalid(name, expected);
        }
        double percentage = Double.parseDouble(text.substring(0, text.length() - 1).strip());
        if (percentage < 1 || percentage > 100) {
            throw ApiException.invalid(name, expected);
        }
        return Length.percentage(percentage);
    }

    /** Text, or null when not given. */
    String text(String name, String expected) {
        JsonNode node = node(name);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.invalid(name, name + " must be " + expected + "; got " + echo(node) + ".");
        }
        return node.asText();
    }

    /** The value as the caller wrote it in JSON, shortened. */
    static String echo(JsonNode node) {
        String json = node.toString();
        return json.length() > MAX_ECHO ? json.substring(0, MAX_ECHO - 1) + "…" : json;
    }
}
