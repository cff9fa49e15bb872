package io.mediawerk.transform.worker;

import io.mediawerk.transform.plan.Step;

/**
 * Turns ffmpeg's {@code -progress} lines ({@code out_time_us=…}) into the task's progress from 0 to 1 over all the
 * steps of a plan, each weighted, run in turn. Stays below 1 until the task is completed, which sets it to 1.
 */
final class FfmpegProgress {

    private static final double BEFORE_DONE = 0.99;

    private volatile double value;
    private Step step;
    private double doneWeight;

    double value() {
        return value;
    }

    synchronized void stepStarted(Step started) {
        step = started;
        publish(0);
    }

    synchronized void stepEnded() {
        publish(1);
        doneWeight += step.weight();
    }

    /** One line of ffmpeg's progress output. */
    synchronized void line(String line) {
        Double seconds = step.mediaSeconds();
        if (seconds == null || seconds <= 0 || !line.startsWith("out_time_us=")) {
            return;
        }
        try {
            long micros = Long.parseLong(line.substring("out_time_us=".length()).trim());
            publish(Math.max(0, Math.min(1, micros / 1e6 / seconds)));
        } catch (NumberFormatException e) {
            // "N/A" before the first frame is written
        }
    }

    private void publish(double ofStep) {
        double next = Math.min(BEFORE_DONE, doneWeight + step.weight() * ofStep);
        value = Math.max(value, next);
    }
}
