package io.mediawerk.transform.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediawerk.ffmpeg.ProcessResult;
import io.mediawerk.ffmpeg.ProcessRunner;
import io.mediawerk.task.worker.RunControl;
import io.mediawerk.task.worker.TaskFailure;
import io.mediawerk.task.worker.TransientFailure;
import io.mediawerk.transform.plan.FfmpegErrors;
import io.mediawerk.transform.plan.Step;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Runs a transform's programs one after the other within the transform time limit, following their progress and
 * turning a failure into the task's outcome: a read failure may pass (retried), anything else fails the task with
 * ffmpeg's reason. The input URL is a credential: it never reaches a message or a log.
 */
final class FfmpegSteps {

    private static final Pattern READ_FAILURE =
            Pattern.compile("Server returned 5|Connection refused|Connection timed out|Connection reset by peer");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String taskId;
    private final String input;
    private final RunControl control;
    private final Duration timeout;
    private final long deadline;
    private final FfmpegProgress progress = new FfmpegProgress();
    private int ran;

    FfmpegSteps(String taskId, String input, RunControl control, Duration timeout) {
        this.taskId = taskId;
        this.input = input;
        this.control = control;
        this.timeout = timeout;
        this.deadline = System.nanoTime() + timeout.toNanos();
        control.follow(progress::value);
    }

    void run(Step step) {
        progress.stepStarted(step);
        if (Log.isDebugEnabled()) {
            // as a JSON array, so that it can be run again as it is (the benchmark does)
            Log.debugf("Transform %s step %d runs %s", taskId, ran, printable(step));
        }
        ran++;
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        ProcessResult result = ProcessRunner.runStreaming(step.command(), left, control::started, progress::line);
        control.checkOwned();
        if (result.timedOut()) {
            throw new TaskFailure(
                    "transform_timeout",
                    "The transform took longer than " + timeout.toMinutes() + " minutes and was stopped.");
        }
        if (result.exitCode() != 0) {
            String stderr = result.stderrTail().replace(input, "input");
            String reason = FfmpegErrors.relevantLine(stderr);
            if (READ_FAILURE.matcher(stderr).find()) {
                throw new TransientFailure("Reading the input failed: " + reason, null);
            }
            throw new TaskFailure("transform_failed", reason);
        }
        progress.stepEnded();
    }

    private String printable(Step step) {
        try {
            return JSON.writeValueAsString(step.command().stream()
                    .map(arg -> arg.equals(input) ? "<input>" : arg)
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
