package io.mediawerk.events;

import java.util.Arrays;
import java.util.List;

/** Every event Mediawerk emits, by its name on the wire; webhooks subscribe to these names (or to {@link #ALL}). */
public enum EventType {
    MEDIA_CREATED("media.created"),
    MEDIA_READY("media.ready"),
    MEDIA_FAILED("media.failed"),
    MEDIA_UPDATED("media.updated"),
    MEDIA_DELETED("media.deleted"),
    MEDIA_PLAYABLE("media.playable"),
    SOURCE_CREATED("source.created"),
    SOURCE_UPDATED("source.updated"),
    SOURCE_DELETED("source.deleted"),
    UPLOAD_COMPLETED("upload.completed"),
    TRANSFORM_COMPLETED("transform.completed"),
    TRANSFORM_FAILED("transform.failed"),
    INTELLIGENCE_COMPLETED("intelligence.completed"),
    INTELLIGENCE_FAILED("intelligence.failed"),
    WORKFLOW_COMPLETED("workflow.completed"),
    WORKFLOW_FAILED("workflow.failed");

    /** Subscribes to every type, including ones added later. */
    public static final String ALL = "*";

    private static final List<String> NAMES =
            Arrays.stream(values()).map(EventType::wireName).toList();

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Every name, in the order the API lists them. */
    public static List<String> names() {
        return NAMES;
    }

    public static boolean isKnown(String name) {
        return NAMES.contains(name);
    }
}
