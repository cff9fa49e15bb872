package io.mediawerk.storage;

/** S3 keys are built from ids only; a name a user chose never becomes part of a path. */
public final class StorageKeys {

    private StorageKeys() {}

    public static String original(String projectId, String mediaId) {
        return "projects/" + projectId + "/media/" + mediaId + "/original";
    }

    public static String upload(String projectId, String uploadId) {
        return "projects/" + projectId + "/uploads/" + uploadId;
    }

    public static String source(String projectId, String mediaId, String sourceId) {
        return "projects/" + projectId + "/media/" + mediaId + "/" + sourceId;
    }
}
