package io.mediawerk.transform.worker;

/** The worker no longer owns its task (cancelled, its media deleted, or taken over): it stops and keeps nothing. */
class TaskLost extends RuntimeException {

    TaskLost() {
        super("The task is no longer this worker's", null, false, false);
    }
}
