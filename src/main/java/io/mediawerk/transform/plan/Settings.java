package io.mediawerk.transform.plan;

import java.util.Map;

/**
 * Reads normalised options back, as validation stored them and JSON may have changed them: a number may be an
 * Integer, a Long or a Double.
 */
final class Settings {

    private final Map<String, Object> options;

    Settings(Map<String, Object> options) {
        this.options = options == null ? Map.of() : options;
    }

    boolean has(String name) {
        return options.get(name) != null;
    }

    String text(String name) {
        Object value = options.get(name);
        return value == null ? null : value.toString();
    }

    String text(String name, String fallback) {
        String value = text(name);
        return value == null ? fallback : value;
    }

    Double number(String name) {
        Object value = options.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        return Double.parseDouble(value.toString());
    }

    Integer integer(String name) {
        Double value = number(name);
        return value == null ? null : (int) Math.round(value);
    }

    int integer(String name, int fallback) {
        Integer value = integer(name);
        return value == null ? fallback : value;
    }

    boolean bool(String name, boolean fallback) {
        Object value = options.get(name);
        if (value == null) {
            return fallback;
        }
        return value instanceof Boolean flag ? flag : Boolean.parseBoolean(value.toString());
    }

    Length length(String name) {
        Object value = options.get(name);
        return value == null ? null : Length.fromJson(value);
    }
}
