package io.mediawerk.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a JSON object body where it matters whether a field is absent, null or set (PATCH semantics), with the
 * same 400s as the typed bodies: unknown fields and wrong types name the field.
 */
public final class JsonFields {

    private final ObjectNode node;
    /** Where the object sits in the body ("playback." for a nested one), so errors name the field in full. */
    private final String path;

    private JsonFields(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    public static JsonFields of(ObjectNode body, Set<String> allowed) {
        return checked(Fields.requireBody(body), allowed, "");
    }

    /** The fields of a present, non-null object field, read like the body's; errors name them {@code name.field}. */
    public JsonFields nested(String name, Set<String> allowed) {
        ObjectNode value = object(name);
        return value == null ? null : checked(value, allowed, path + name + ".");
    }

    private static JsonFields checked(ObjectNode node, Set<String> allowed, String path) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.badRequest(
                        "unknown_field",
                        "Unknown field '" + path + name + "'. Allowed fields: "
                                + String.join(", ", new TreeSet<>(allowed)) + ".",
                        path + name);
            }
        }
        return new JsonFields(node, path);
    }

    public boolean has(String name) {
        return node.has(name);
    }

    public boolean isNull(String name) {
        return node.has(name) && node.get(name).isNull();
    }

    /** The text of a present, non-null field. */
    public String text(String name, int maxLength) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw typeError(name, "a string");
        }
        return Fields.optionalText(path + name, value.textValue(), maxLength);
    }

    /** The whole number of a present, non-null field. */
    public Long integer(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw typeError(name, "a whole number");
        }
        return value.longValue();
    }

    /** The boolean of a present, non-null field. */
    public Boolean bool(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw typeError(name, "true or false");
        }
        return value.booleanValue();
    }

    /** The object of a present, non-null field. */
    public ObjectNode object(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw typeError(name, "a JSON object");
        }
        return (ObjectNode) value;
    }

    /** The strings of a present, non-null array field, each checked like a text field. */
    public java.util.List<String> strings(String name, int maxItems, int maxLength) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw typeError(name, "an array of strings");
        }
        if (value.size() > maxItems) {
            throw ApiException.invalid(
                    path + name,
                    "Field '" + path + name + "' may have at most " + maxItems + " items; it has " + value.size()
                            + ".");
        }
        java.util.List<String> items = new java.util.ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw typeError(name, "an array of strings");
            }
            items.add(Fields.optionalText(path + name, item.textValue(), maxLength));
        }
        return items;
    }

    private ApiException typeError(String name, String expected) {
        return ApiException.badRequest(
                "invalid_type", "Field '" + path + name + "' must be " + expected + ".", path + name);
    }
}
