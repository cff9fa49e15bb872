package io.mediawerk.workflow.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;

/**
 * One test of a conditions step on a prop of the media: {@code {"prop": "duration", "op": "gt", "value": 60}}. A
 * prop the media does not have (an image's duration, a metadata key never set) is null: it equals only null, is
 * never greater or less than anything, and is "ne" any value.
 */
public record Condition(String prop, String op, JsonNode value) {

    static final Set<String> OPS = Set.of("eq", "ne", "gt", "lt", "in");
    static final Set<String> FIELDS = Set.of("prop", "op", "value");
    static final int MAX_IN = 50;

    public boolean matches(MediaFacts facts) {
        Object actual = facts.value(prop);
        return switch (op) {
            case "eq" -> same(actual, value);
            case "ne" -> !same(actual, value);
            case "gt" -> actual instanceof Number number && number.doubleValue() > value.doubleValue();
            case "lt" -> actual instanceof Number number && number.doubleValue() < value.doubleValue();
            default -> contains(actual);
        };
    }

    private boolean contains(Object actual) {
        for (JsonNode candidate : value) {
            if (same(actual, candidate)) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(Object actual, JsonNode expected) {
        if (actual == null || expected.isNull()) {
            return actual == null && expected.isNull();
        }
        if (actual instanceof Number number) {
            return expected.isNumber() && number.doubleValue() == expected.doubleValue();
        }
        if (actual instanceof Boolean flag) {
            return expected.isBoolean() && flag == expected.booleanValue();
        }
        return expected.isTextual() && actual.toString().equals(expected.textValue());
    }

    ObjectNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("prop", prop);
        node.put("op", op);
        node.set("value", value);
        return node;
    }

    /**
     * @param at the condition's path, e.g. {@code steps[1].conditions[0]}
     * @param errors makes the 400 naming the step
     */
    static Condition parse(JsonNode node, String at, StepErrors errors) {
        if (!node.isObject()) {
            throw errors.invalid(
                    at, "each condition must be an object such as {\"prop\": \"kind\", \"value\": " + "\"video\"}.");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw errors.invalid(
                        at + "." + name,
                        "unknown field '" + name + "' in a condition; a condition has " + "prop, op and value.");
            }
        }
        JsonNode propNode = node.get("prop");
        if (propNode == null || !propNode.isTextual() || !MediaFacts.isKnown(propNode.textValue())) {
            throw errors.invalid(
                    at + ".prop",
                    "prop must be one of kind, format, mime_type, title, duration, width, "
                            + "height, fps, filesize, or metadata.<key>.");
        }
        String prop = propNode.textValue();
        JsonNode opNode = node.get("op");
        if (opNode != null && (!opNode.isTextual() || !OPS.contains(opNode.textValue()))) {
            throw errors.invalid(at + ".op", "op must be one of eq, ne, gt, lt, in (eq when left out).");
        }
        String op = opNode == null ? "eq" : opNode.textValue();
        if (!node.has("value")) {
            throw errors.invalid(at + ".value", "value is required: what " + prop + " is compared with.");
        }
        JsonNode value = node.get("value");
        checkValue(prop, op, value, at + ".value", errors);
        return new Condition(prop, op, value);
    }

    private static void checkValue(String prop, String op, JsonNode value, String at, StepErrors errors) {
        switch (op) {
            case "gt", "lt" -> {
                if (!value.isNumber()) {
                    throw errors.invalid(at, op + " compares numbers; value must be a number.");
                }
                if (MediaFacts.TEXTS.contains(prop)) {
                    throw errors.invalid(
                            at,
                            prop + " is text; gt and lt compare numbers (duration, width, height, "
                                    + "fps, filesize, or a number in metadata).");
                }
            }
            case "in" -> {
                if (!value.isArray() || value.isEmpty() || value.size() > MAX_IN) {
                    throw errors.invalid(at, "in needs a list of 1 to " + MAX_IN + " values.");
                }
                for (JsonNode item : value) {
                    checkScalar(prop, item, at, errors);
                }
            }
            default -> checkScalar(prop, value, at, errors);
        }
    }

    private static void checkScalar(String prop, JsonNode value, String at, StepErrors errors) {
        if (!value.isValueNode()) {
            throw errors.invalid(at, "value must be a string, number, boolean or null.");
        }
        if (value.isNull()) {
            return;
        }
        if (MediaFacts.NUMBERS.contains(prop) && !value.isNumber()) {
            throw errors.invalid(at, prop + " is a number; compare it with a number.");
        }
        if (MediaFacts.TEXTS.contains(prop) && !value.isTextual()) {
            throw errors.invalid(at, prop + " is text; compare it with a string.");
        }
        if ("kind".equals(prop) && !MediaFacts.KINDS.contains(value.textValue())) {
            throw errors.invalid(at, "a media's kind is video, image or audio; got '" + value.textValue() + "'.");
        }
    }
}
