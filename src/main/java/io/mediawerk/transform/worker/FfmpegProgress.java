package io.mediawerk.transform.worker;

import io.mediawerk.transform.plan.Step;
import java.util.List;

/**
 * Turns ffmpeg's {@code -progress} lines ({@code out_time_us=…}) into the task's progress from 0 to 1 over all the
 * steps of a plan, each weighted. Stays below 1 until the task is completed, which sets it to 1.
 */
final class FfmpegProgress {

    private static final double BEFORE_DONE = 0.99;

    private final List<Step> steps;
    private volatile double value;
    private int step;
    private double doneWeight;

    FfmpegProgress(List<Step> steps) {
        this.steps = steps;
    }

    double value() {
        return value;
    }

    synchronized void stepStarted(int index) {
        step = index;
        doneWeight = steps.subList(0, index).stream().mapToDouble(Step::weight).sum();
        publish(0);
    }

    synchronized void stepEnded() {
        publish(1);
    }

    /** One line of ffmpeg's progress output. */
    synchronized void line(String line) {
        Double seconds = steps.get(step).mediaSeconds();
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
        double next = Math.min(BEFORE_DONE, doneWeight + steps.get(step).weight() * ofStep);
        value = Math.max(value, next);
    }
}
