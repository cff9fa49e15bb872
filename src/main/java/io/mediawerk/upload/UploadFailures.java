package io.mediawerk.upload;

import io.mediawerk.api.ApiException;
import io.mediawerk.api.Outages;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpClosedException;
import software.amazon.awssdk.core.exception.SdkException;

/** What a failed upload request tells its client. */
final class UploadFailures {

    private UploadFailures() {
    }

    static ApiException asApiException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
            if (t instanceof SdkException) {
                Log.warnf("Upload could not be stored: %s", t.toString());
                return new ApiException(503, "storage_unavailable", "The file could not be stored: the storage "
                        + "service is unavailable. Nothing was kept; retry in a few seconds.", null);
            }
            if (t instanceof HttpClosedException) {
                return new ApiException(400, "upload_interrupted", "The connection closed before the file was "
                        + "complete. Ask GET on the upload URL how much arrived, then send the rest.", null);
            }
        }
        if (Outages.isDependencyDown(failure)) {
            return new ApiException(503, "service_unavailable", "Mediawerk cannot reach a service it needs right "
                    + "now. Nothing was kept; retry in a few seconds.", null);
        }
        Log.errorf(failure, "Upload failed unexpectedly");
        return new ApiException(500, "internal_error", "The upload failed on our side; nothing was kept. Retry, "
                + "and report it if it happens again.", null);
    }
}
