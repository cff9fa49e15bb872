package io.mediawerk.workflow.definition;

import io.mediawerk.media.Media;
import io.mediawerk.source.Source;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The props of a media that conditions can look at, taken from the media and its original source. */
public final class MediaFacts {

    static final String METADATA = "metadata.";
    static final Set<String> NUMBERS = Set.of("duration", "width", "height", "fps", "filesize");
    static final Set<String> TEXTS = Set.of("kind", "format", "mime_type", "title");
    static final Set<String> KINDS = Set.of("video", "image", "audio");

    private final Map<String, Object> values;

    private MediaFacts(Map<String, Object> values) {
        this.values = values;
    }

    public static MediaFacts of(Media media, Source original) {
        Map<String, Object> values = new HashMap<>();
        values.put("kind", media.kind);
        values.put("title", media.title);
        values.put("duration", media.duration);
        values.put("width", media.width);
        values.put("height", media.height);
        values.put("filesize", media.filesize);
        if (original != null) {
            values.put("format", original.container);
            values.put("mime_type", original.mimeType);
            values.put("fps", original.fps);
        }
        media.metadata.forEach((key, value) -> values.put(METADATA + key, value));
        return new MediaFacts(values);
    }

    static boolean isKnown(String prop) {
        return NUMBERS.contains(prop)
                || TEXTS.contains(prop)
                || prop.startsWith(METADATA) && prop.length() > METADATA.length();
    }

    /** The prop's value: a string, number or boolean; null when the media has none (an image's duration). */
    Object value(String prop) {
        return values.get(prop);
    }
}
