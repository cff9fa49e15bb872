package io.mediawerk.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;

/**
 * An object as it was answered before (an idempotent replay, a cached view): its JSON text, written into the
 * envelope as it is, and where it lives.
 */
public record StoredObject(String json, String id, String object, String selfPath, String parentPath)
        implements ApiObject {

    /** The object's JSON as the API writes it. */
    public static StoredObject of(ObjectMapper mapper, ApiObject object) {
        try {
            return new StoredObject(
                    mapper.writeValueAsString(object),
                    object.id(),
                    object.object(),
                    object.selfPath(),
                    object.parentPath());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An API object cannot be written as JSON", e);
        }
    }

    /** JSON stored earlier by {@link #of}. */
    public static StoredObject read(ObjectMapper mapper, String json, String selfPath, String parentPath) {
        try {
            JsonNode body = mapper.readTree(json);
            return new StoredObject(
                    json, body.path("id").asText(null), body.path("object").asText(null), selfPath, parentPath);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored API object is not JSON", e);
        }
    }

    /** The JSON for the envelope's {@code data}. */
    public RawValue data() {
        return new RawValue(json);
    }
}
