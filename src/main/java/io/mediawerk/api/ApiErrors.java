package io.mediawerk.api;

import io.mediawerk.ffmpeg.ProgramUnavailableException;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpClosedException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * What a failed request tells its caller: the one translation of a failure into the API's error, used by the REST
 * mappers, the raw Vert.x routes (uploads, file delivery) alike.
 */
public final class ApiErrors {

    /** Every 503 carries this header: the caller may retry after that many seconds. */
    public static final String RETRY_AFTER = "Retry-After";

    public static final String RETRY_AFTER_SECONDS = "5";

    private ApiErrors() {}

    /** The failure as the caller sees it; an unexpected one is logged with the request's id, which the caller gets. */
    public static ApiException from(Throwable failure, String requestId) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
            if (t instanceof SdkClientException || t instanceof AwsServiceException aws && aws.statusCode() >= 500) {
                Log.warnf("Request %s: the storage service failed: %s", requestId, t.toString());
                return unavailable("storage_unavailable", "its storage");
            }
            if (t instanceof ProgramUnavailableException missing) {
                Log.errorf("Request %s: %s", requestId, missing.getMessage());
                return new ApiException(
                        503,
                        "program_unavailable",
                        "This instance lacks a program it needs to read media; nothing was kept. Retry in a few"
                                + " seconds (another instance may have it), or quote " + requestId
                                + " to its operator.",
                        null);
            }
            if (t instanceof HttpClosedException) {
                return new ApiException(
                        400,
                        "connection_closed",
                        "The connection closed before the request was "
                                + "complete. Send it again; an upload can resume: ask GET on its upload URL how much arrived,"
                                + " then send the rest.",
                        null);
            }
        }
        if (Outages.isDependencyDown(failure)) {
            Log.warnf("Request %s failed while a dependency is down: %s", requestId, failure.toString());
            return unavailable("service_unavailable", "its database or storage");
        }
        Log.errorf(failure, "Request %s failed unexpectedly", requestId);
        return new ApiException(
                500,
                "internal_error",
                "Something went wrong on our side. Quote " + requestId + " when you report it.",
                null);
    }

    /** A file delivery asked for a file there is not (or no longer). */
    public static ApiException noSuchFile() {
        return new ApiException(404, "not_found", "No such file. It may have been deleted.", null);
    }

    /** A 503 (with the default Retry-After): Mediawerk cannot reach {@code what} ("its storage"). */
    public static ApiException unavailable(String code, String what) {
        return new ApiException(
                503,
                code,
                "Mediawerk cannot reach " + what + " right now; nothing was changed. " + "Retry in a few seconds.",
                null);
    }
}
