package io.mediawerk.webhook;

import java.util.List;

/** The event types a webhook can subscribe to, as {@code ../API.md} lists them. */
public final class EventTypes {

    /** Subscribes to every type, including ones added later. */
    public static final String ALL = "*";

    public static final List<String> TYPES = List.of(
            "media.created", "media.ready", "media.failed", "media.updated", "media.deleted",
            "source.created", "source.deleted", "upload.completed",
            "transform.completed", "transform.failed", "intelligence.completed", "intelligence.failed",
            "workflow.completed", "workflow.failed");

    private EventTypes() {
    }

    public static boolean isKnown(String type) {
        return TYPES.contains(type);
    }
}
