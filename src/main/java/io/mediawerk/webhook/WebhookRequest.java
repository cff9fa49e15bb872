package io.mediawerk.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiException;
import io.mediawerk.api.JsonFields;
import io.mediawerk.events.EventType;
import io.mediawerk.ingest.UrlRules;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A create or update body of a webhook. On update only the fields present change ({@code description: null}
 * clears it); on create {@code url} is required and {@code events} defaults to every event ({@code ["*"]}).
 */
public record WebhookRequest(
        String url, List<String> events, boolean hasDescription, String description, String status) {

    private static final Set<String> FIELDS = Set.of("url", "events", "description", "status");
    private static final int MAX_DESCRIPTION = 500;

    public static WebhookRequest create(ObjectNode body) {
        WebhookRequest request = parse(body);
        if (request.url() == null) {
            throw ApiException.invalid("url", "Field 'url' is required: the https URL that receives the events.");
        }
        return request.events() != null
                ? request
                : new WebhookRequest(
                        request.url(),
                        List.of(EventType.ALL),
                        request.hasDescription(),
                        request.description(),
                        request.status());
    }

    public static WebhookRequest update(ObjectNode body) {
        WebhookRequest request = parse(body);
        if (body.has("url") && request.url() == null) {
            throw ApiException.invalid("url", "Field 'url' cannot be null; give the new URL or leave it out.");
        }
        if (body.has("events") && request.events() == null) {
            throw ApiException.invalid("events", "Field 'events' cannot be null; give [\"*\"] for every event.");
        }
        if (body.has("status") && request.status() == null) {
            throw ApiException.invalid("status", "Field 'status' cannot be null; it is active or disabled.");
        }
        return request;
    }

    private static WebhookRequest parse(ObjectNode body) {
        JsonFields fields = JsonFields.of(body, FIELDS);
        String url = fields.text("url", UrlRules.MAX_LENGTH);
        List<String> events = fields.has("events")
                ? events(fields.strings("events", EventType.names().size() + 1, 40))
                : null;
        String status = fields.text("status", 20);
        if (status != null && !Webhook.ACTIVE.equals(status) && !Webhook.DISABLED.equals(status)) {
            throw ApiException.invalid(
                    "status", "status must be active or disabled (a disabled webhook gets " + "nothing).");
        }
        return new WebhookRequest(
                url, events, fields.has("description"), fields.text("description", MAX_DESCRIPTION), status);
    }

    private static List<String> events(List<String> given) {
        if (given == null) {
            return null;
        }
        if (given.isEmpty()) {
            throw ApiException.invalid(
                    "events", "events must name at least one event type, or be [\"*\"] for " + "every event.");
        }
        Set<String> events = new LinkedHashSet<>(given);
        if (events.contains(EventType.ALL)) {
            if (events.size() > 1) {
                throw ApiException.invalid("events", "\"*\" already means every event; give it alone.");
            }
            return List.of(EventType.ALL);
        }
        for (String event : events) {
            if (!EventType.isKnown(event)) {
                throw ApiException.invalid(
                        "events",
                        "Unknown event type '" + event + "'. Known types: " + String.join(", ", EventType.names())
                                + " (or \"*\" for every event).");
            }
        }
        return List.copyOf(events);
    }
}
