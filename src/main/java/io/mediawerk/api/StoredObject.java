package io.mediawerk.api;

import com.fasterxml.jackson.databind.JsonNode;

/** An object as it was answered before (an idempotent replay): its JSON and where it lives. */
public record StoredObject(JsonNode body, String selfPath, String parentPath) implements ApiObject {

    @Override
    public String id() {
        return body.path("id").asText(null);
    }

    @Override
    public String object() {
        return body.path("object").asText(null);
    }
}
