package io.mediawerk.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The options of a transform-like body (a transform, a workflow step): in an {@code options} object, or beside
 * {@code kind} as the seed writes transforms, never both. Every field that is not one of the body's own is an
 * option; the kind's rules then judge them.
 */
public final class KindOptions {

    public static final String OPTIONS = "options";

    private KindOptions() {}

    /**
     * @param own the body's own fields ({@code kind}, {@code label}, …), never options
     * @throws ApiException 400 whose param is {@code options} or the first option given beside it
     */
    public static ObjectNode of(ObjectNode body, Set<String> own) {
        ObjectNode beside = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = body.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!own.contains(field.getKey()) && !OPTIONS.equals(field.getKey())) {
                beside.set(field.getKey(), field.getValue());
            }
        }
        JsonNode nested = body.get(OPTIONS);
        if (nested == null || nested.isNull()) {
            return beside;
        }
        if (!nested.isObject()) {
            throw ApiException.badRequest("invalid_type", "Field 'options' must be a JSON object.", OPTIONS);
        }
        if (!beside.isEmpty()) {
            throw ApiException.invalid(
                    beside.fieldNames().next(),
                    "Give the options either inside 'options' or " + "beside 'kind', not both.");
        }
        return ((ObjectNode) nested).deepCopy();
    }
}
