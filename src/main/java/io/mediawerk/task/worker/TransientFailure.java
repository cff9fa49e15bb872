package io.mediawerk.task.worker;

/** A failure that may pass (S3 or the input unreadable for a moment): the run is tried again after a pause. */
public class TransientFailure extends RuntimeException {

    public TransientFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
