package io.mediawerk.task.worker;

import io.mediawerk.ffmpeg.ProcessRunner;
import java.util.function.DoubleSupplier;

/**
 * What the heartbeat and the running task share: the progress to store, the program running now, and whether the
 * task is still this worker's. Losing the task kills the running program at once.
 */
public final class RunControl {

    private volatile DoubleSupplier progress;
    private Process running;
    private boolean lost;

    /** Where the progress to store comes from (0 to 1). */
    public void follow(DoubleSupplier progress) {
        this.progress = progress;
    }

    public double progress() {
        DoubleSupplier current = progress;
        return current == null ? 0 : current.getAsDouble();
    }

    /** The program the task runs now: killed at once if the task is lost. */
    public synchronized void started(Process process) {
        running = process;
        if (lost) {
            ProcessRunner.killTree(process);
        }
    }

    public void lose() {
        Process toKill;
        synchronized (this) {
            lost = true;
            toKill = running;
        }
        if (toKill != null) {
            ProcessRunner.killTree(toKill);
        }
    }

    synchronized boolean isLost() {
        return lost;
    }

    /** Stops the run (throws {@link TaskLost}) if the task is no longer this worker's. */
    public void checkOwned() {
        if (isLost()) {
            throw new TaskLost();
        }
    }
}
