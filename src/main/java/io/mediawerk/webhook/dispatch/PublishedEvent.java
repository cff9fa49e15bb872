package io.mediawerk.webhook.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/** An event as read from the events topic: what fan-out needs, and the exact JSON that is sent. */
public record PublishedEvent(String id, String type, String projectId, Instant created, String payload) {

    /** Reads one message; fails on anything that is not an event. */
    static PublishedEvent parse(ObjectMapper json, String payload) throws Exception {
        JsonNode event = json.readTree(payload);
        String id = event.path("id").asText(null);
        String type = event.path("type").asText(null);
        String projectId = event.path("project_id").asText(null);
        String created = event.path("created").asText(null);
        if (id == null || type == null || projectId == null || created == null) {
            throw new IllegalArgumentException("an event needs id, type, project_id and created");
        }
        return new PublishedEvent(id, type, projectId, Instant.parse(created), payload);
    }
}
