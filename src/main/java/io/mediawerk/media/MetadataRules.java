package io.mediawerk.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The custom metadata of media and sources: a JSON object of at most 1024 bytes; updates merge. */
public final class MetadataRules {

    public static final int MAX_BYTES = 1024;

    private MetadataRules() {}

    /** Existing metadata with {@code patch} merged in: new keys added, existing overwritten, null removes. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> merge(ObjectMapper json, Map<String, Object> existing, ObjectNode patch) {
        Map<String, Object> merged = new LinkedHashMap<>(existing == null ? Map.of() : existing);
        Iterator<Map.Entry<String, JsonNode>> fields = patch.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                merged.remove(field.getKey());
            } else {
                merged.put(field.getKey(), json.convertValue(field.getValue(), Object.class));
            }
        }
        return checked(json, merged);
    }

    /** Checks the size of a whole metadata object. */
    public static Map<String, Object> checked(ObjectMapper json, Map<String, Object> metadata) {
        try {
            int size = json.writeValueAsString(metadata).getBytes(StandardCharsets.UTF_8).length;
            if (size > MAX_BYTES) {
                throw ApiException.invalid(
                        "metadata",
                        "metadata is " + size + " bytes as JSON; the limit is " + MAX_BYTES
                                + " bytes. Store large data elsewhere and keep a reference here.");
            }
            return metadata;
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("metadata", "metadata must be a JSON object.");
        }
    }
}
