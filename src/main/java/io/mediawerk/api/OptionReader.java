package io.mediawerk.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Typed access to a task's options as the caller sent them (a transform's, an analysis'): the one option reader.
 * Every failure is a 400 naming the option (after {@code paramPrefix}) and saying what it accepts; an unknown option
 * is {@code unknown_field}, like an unknown JSON field. An option set to JSON null counts as not given.
 */
public final class OptionReader {

    private static final int MAX_ECHO = 40;

    private final ObjectNode options;
    private final String paramPrefix;

    /**
     * @param owner what the options are of, for messages: "a video transform", "the faces analysis"
     * @throws ApiException when an option is not one of {@code allowed}
     */
    public OptionReader(ObjectNode options, Collection<String> allowed, String owner, String paramPrefix) {
        this.options = options;
        this.paramPrefix = paramPrefix;
        if (options == null) {
            return;
        }
        Iterator<String> names = options.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.badRequest(
                        "unknown_field",
                        "Unknown option '" + name + "' for " + owner + ". "
                                + (allowed.isEmpty()
                                        ? "It takes no options."
                                        : "Its options are: "
                                                + String.join(
                                                        ", ",
                                                        allowed instanceof List ? allowed : new TreeSet<>(allowed))
                                                + "."),
                        param(name));
            }
        }
    }

    /** The option's name as the caller sees it in an error's {@code param}. */
    public String param(String name) {
        return paramPrefix + name;
    }

    /** A 400 for the option, its message starting with its name. */
    public ApiException invalid(String name, String mustBe) {
        return ApiException.invalid(param(name), param(name) + " " + mustBe);
    }

    public boolean has(String name) {
        return node(name) != null;
    }

    /** The option's value, null when it is not given. */
    public JsonNode node(String name) {
        JsonNode node = options == null ? null : options.get(name);
        return node == null || node.isNull() ? null : node;
    }

    /** One of {@code allowed} (any letter case), or {@code fallback} when not given. */
    public String choice(String name, List<String> allowed, String fallback) {
        JsonNode node = node(name);
        if (node == null) {
            return fallback;
        }
        String value = node.isTextual() ? node.asText().strip().toLowerCase(Locale.ROOT) : null;
        if (value == null || !allowed.contains(value)) {
            throw invalid(name, "must be one of " + String.join(", ", allowed) + "; got " + echo(node) + ".");
        }
        return value;
    }

    /** A whole number from {@code min} to {@code max}, or null when not given. */
    public Integer integer(String name, int min, int max) {
        JsonNode node = node(name);
        if (node == null) {
            return null;
        }
        if (!node.isNumber() || !node.canConvertToExactIntegral() || node.asDouble() < min || node.asDouble() > max) {
            throw invalid(name, "must be a whole number from " + min + " to " + max + "; got " + echo(node) + ".");
        }
        return node.intValue();
    }

    public int integer(String name, int min, int max, int fallback) {
        Integer value = integer(name, min, max);
        return value == null ? fallback : value;
    }

    /** A number from {@code min} to {@code max}, or null when not given. */
    public Double number(String name, double min, double max, String unit) {
        JsonNode node = node(name);
        if (node == null) {
            return null;
        }
        if (!node.isNumber() || !Double.isFinite(node.asDouble()) || node.asDouble() < min || node.asDouble() > max) {
            String range =
                    max == Double.MAX_VALUE ? "of at least " + plain(min) : "from " + plain(min) + " to " + plain(max);
            throw invalid(name, "must be a number " + range + unit + "; got " + echo(node) + ".");
        }
        return node.asDouble();
    }

    public boolean bool(String name, boolean fallback) {
        JsonNode node = node(name);
        if (node == null) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw invalid(name, "must be true or false; got " + echo(node) + ".");
        }
        return node.booleanValue();
    }

    /** Text, or null when not given. */
    public String text(String name, String expected) {
        JsonNode node = node(name);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(name, "must be " + expected + "; got " + echo(node) + ".");
        }
        return node.asText();
    }

    /** The value as the caller wrote it in JSON, shortened. */
    public static String echo(JsonNode node) {
        String json = node.toString();
        return json.length() > MAX_ECHO ? json.substring(0, MAX_ECHO - 1) + "…" : json;
    }

    /** The shortest plain text of a number: 5, 2.5, 0.125 (at most three decimals). */
    public static String plain(double value) {
        BigDecimal rounded =
                BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }
}
