package io.mediawerk.transform.worker;

import io.mediawerk.ffmpeg.ProcessRunner;

/**
 * What the heartbeat and the running task share: the progress to store, the program running now, and whether the
 * task is still this worker's. Losing the task kills the running program at once.
 */
final class RunControl {

    private volatile FfmpegProgress progress;
    private Process running;
    private boolean lost;

    void follow(FfmpegProgress progress) {
        this.progress = progress;
    }

    double progress() {
        FfmpegProgress current = progress;
        return current == null ? 0 : current.value();
    }

    synchronized void started(Process process) {
        running = process;
        if (lost) {
            ProcessRunner.killTree(process);
        }
    }

    void lose() {
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

    void checkOwned() {
        if (isLost()) {
            throw new TaskLost();
        }
    }
}
