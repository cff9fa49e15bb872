package io.mediawerk.transform.worker;

/** A failure that may pass (S3 or the input unreadable for a moment): the run is tried again after a pause. */
class TransientFailure extends RuntimeException {

    TransientFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
