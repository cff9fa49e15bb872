package io.mediawerk.files;

import io.mediawerk.files.DeliverableFiles.Deliverable;
import io.mediawerk.source.Source;
import io.mediawerk.storage.ContentTypes;

/**
 * One file a delivery request asked for: a whole single-file source, or one named file of a source made of several
 * (an HLS segment, a sprite sheet). The name must be one the source lists; it is never used as a path itself.
 */
record DeliveredFile(Deliverable source, String key, long size, String mimeType, String etag) {

    /** The file, or null when the source has no such file. */
    static DeliveredFile of(Deliverable source, String path) {
        if (path == null) {
            if (source.files() != null) {
                return null;
            }
            String etag = source.etag() == null ? source.id() : source.etag().replace("\"", "");
            return new DeliveredFile(
                    source,
                    source.storageKey(),
                    source.filesize(),
                    source.mimeType() == null ? "application/octet-stream" : source.mimeType(),
                    etag);
        }
        if (source.files() == null || !source.files().containsKey(path)) {
            return null;
        }
        // the main file of a growing source (an HLS master) is replaced as the source grows; its S3 ETag tells
        String etag = path.equals(source.mainFile()) && source.etag() != null
                ? source.etag().replace("\"", "")
                : source.id() + "-" + Integer.toHexString(path.hashCode());
        return new DeliveredFile(
                source, source.storageKey() + "/" + path, source.files().get(path), ContentTypes.ofFile(path), etag);
    }

    /** Whether this file may still change: the main file of a source that is still growing. */
    boolean mayChange() {
        return Source.PROCESSING.equals(source.status()) && key.endsWith("/" + source.mainFile());
    }
}
