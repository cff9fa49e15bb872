package io.mediawerk.task.worker;

/** The worker no longer owns its task (cancelled, its media deleted, or taken over): it stops and keeps nothing. */
public class TaskLost extends RuntimeException {

    public TaskLost() {
        super("The task is no longer this worker's", null, false, false);
    }
}
