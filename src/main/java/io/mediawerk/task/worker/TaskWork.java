package io.mediawerk.task.worker;

import io.smallrye.mutiny.Uni;
import java.time.Duration;

/**
 * One family of tasks as {@link TaskRunner} runs it: how a task is claimed, run and recorded. {@code R} is what a
 * successful run produced (an output source, an analysis).
 */
public interface TaskWork<R> {

    /** For log lines: "Transform", "Intelligence task". */
    String noun();

    /** The task, if it is this worker's to run now; null when it is finished, running elsewhere, or cannot run. */
    Uni<ClaimedTask> claim(String taskId, String owner);

    /**
     * Runs the task on the calling (worker) thread.
     *
     * @throws TaskFailure when it cannot succeed; {@link TransientFailure} when trying again may help; {@link
     *     TaskLost} when the task is no longer this worker's
     */
    R run(ClaimedTask claimed, RunControl control);

    /** Records the result; false (and the result discarded) if the task was lost meanwhile. */
    Uni<Boolean> complete(ClaimedTask claimed, R result, Duration elapsed);

    /** Records a failure the user can act on; nothing if the task was lost meanwhile. */
    Uni<Void> fail(ClaimedTask claimed, String code, String message, Duration elapsed);

    /** Gives the task back unfinished (this worker is stopping), to be run again elsewhere. */
    Uni<Void> handBack(ClaimedTask claimed);

    /** Forgets whatever a run that lost its task may have stored. */
    Uni<Void> abandon(ClaimedTask claimed);
}
