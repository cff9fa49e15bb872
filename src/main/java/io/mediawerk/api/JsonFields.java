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

    private JsonFields(ObjectNode node) {
        this.node = node;
    }

    public static JsonFields of(ObjectNode body, Set<String> allowed) {
        ObjectNode node = Fields.requireBody(body);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.badRequest(
                        "unknown_field",
                        "Unknown field '" + name + "'. Allowed fields: " + String.join(", ", new TreeSet<>(allowed))
                                + ".",
                        name);
            }
        }
        return new JsonFields(node);
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
        return Fields.optionalText(name, value.textValue(), maxLength);
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
                    name, "Field '" + name + "' may have at most " + maxItems + " items; it has " + value.size() + ".");
        }
        java.util.List<String> items = new java.util.ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw typeError(name, "an array of strings");
            }
            items.add(Fields.optionalText(name, item.textValue(), maxLength));
        }
        return items;
    }

    private static ApiException typeError(String name, String expected) {
        return ApiException.badRequest("invalid_type", "Field '" + name + "' must be " + expected + ".", name);
    }
}
