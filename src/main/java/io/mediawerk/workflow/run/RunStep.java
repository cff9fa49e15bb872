package io.mediawerk.workflow.run;

import io.mediawerk.api.Times;
import java.time.Instant;

/**
 * Where one step of a run stands: {@code waiting} (for its input, or for its branch to be decided), {@code running}
 * (its task is queued or processing), then {@code completed}, {@code failed} or {@code skipped} (its branch was not
 * taken). A conditions step completes at once with {@code matched}.
 */
public class RunStep {

    public static final String WAITING = "waiting";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    public String path;
    public String label;
    public String kind;
    public String status;
    public String taskId;
    /** The source the step's task made, once completed. */
    public String sourceId;

    public Boolean matched;
    public String errorCode;
    public String error;
    public Instant started;
    public Instant completed;

    static RunStep waiting(String path, String label, String kind) {
        RunStep step = new RunStep();
        step.path = path;
        step.label = label;
        step.kind = kind;
        step.status = WAITING;
        return step;
    }

    boolean is(String wanted) {
        return wanted.equals(status);
    }

    boolean isOpen() {
        return is(WAITING) || is(RUNNING);
    }

    void running(String task, String output) {
        status = RUNNING;
        taskId = task;
        sourceId = output;
        started = Times.now();
    }

    void completed(Boolean conditionsMatched) {
        status = COMPLETED;
        matched = conditionsMatched;
        completed = Times.now();
        started = started == null ? completed : started;
    }

    void failed(String code, String message) {
        status = FAILED;
        errorCode = code;
        error = message;
        completed = Times.now();
        if (!"dependency_failed".equals(code)) {
            started = started == null ? completed : started;
        }
        sourceId = null;
    }

    void skipped() {
        status = SKIPPED;
        completed = Times.now();
    }
}
