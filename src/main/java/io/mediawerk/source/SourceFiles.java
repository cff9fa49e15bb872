package io.mediawerk.source;

import java.util.Map;

/**
 * Where a source's bytes are stored: one S3 object, or a key prefix with several files (HLS, sprites) of which
 * {@code mainFile} is the one its URL points at.
 */
public record SourceFiles(String storageKey, Map<String, Long> files, String mainFile, long size, String etag) {

    public static SourceFiles single(String storageKey, long size, String etag) {
        return new SourceFiles(storageKey, null, null, size, etag);
    }
}
