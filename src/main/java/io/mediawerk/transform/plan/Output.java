package io.mediawerk.transform.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a plan leaves in its output folder.
 *
 * @param mainFile the file the new source's URL points at, relative to the output folder
 * @param probeFile the file to probe for the result's size, duration and codecs, relative to the output folder
 * @param kind "video", "image" or "audio": the kind of the new source
 * @param container the format's short name: mp4 mov webm hls jpeg png webp avif gif mp3 aac m4a ogg wav flac webvtt
 * @param mimeType the Content-Type to deliver the main file with
 * @param extension the main file's extension, without the dot
 * @param multiFile whether the output folder holds more than the main file
 * @param textFiles files the caller writes into the output folder once every step succeeded: relative path to UTF-8
 *     content
 * @param metadata extra facts to store on the new source
 */
public record Output(
        String mainFile,
        String probeFile,
        String kind,
        String container,
        String mimeType,
        String extension,
        boolean multiFile,
        Map<String, String> textFiles,
        Map<String, Object> metadata) {

    public Output {
        textFiles = Map.copyOf(textFiles);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A single file with nothing to write and nothing to add. */
    static Output single(String mainFile, String kind, String container, String mimeType, String extension) {
        return new Output(mainFile, mainFile, kind, container, mimeType, extension, false, Map.of(), Map.of());
    }
}
