package io.mediawerk.storage;

import java.util.Map;

/** Content types of the files that sources are made of, by extension (never by sniffing a user's name). */
public final class ContentTypes {

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("m3u8", "application/vnd.apple.mpegurl"),
            Map.entry("ts", "video/mp2t"),
            Map.entry("m4s", "video/iso.segment"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("webp", "image/webp"),
            Map.entry("vtt", "text/vtt"),
            Map.entry("json", "application/json"));

    private ContentTypes() {}

    public static String ofFile(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return BY_EXTENSION.getOrDefault(extension, "application/octet-stream");
    }
}
