package io.mediawerk.task.worker;

/** A task that cannot succeed by trying again (bad media, impossible output): it fails with this code and message. */
public class TaskFailure extends RuntimeException {

    private final String code;

    public TaskFailure(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
