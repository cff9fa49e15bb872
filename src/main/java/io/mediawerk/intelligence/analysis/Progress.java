package io.mediawerk.intelligence.analysis;

import java.util.function.DoubleConsumer;

/** Hands progress from 0 to 1 to the caller's listener: never backwards, and at most once per thousandth. */
final class Progress {

    private static final double STEP = 0.001;

    private final DoubleConsumer listener;
    private double reported = -1;

    Progress(DoubleConsumer listener) {
        this.listener = listener == null ? fraction -> {} : listener;
    }

    synchronized void report(double fraction) {
        if (Double.isNaN(fraction)) {
            return;
        }
        double clamped = Math.min(1, Math.max(0, fraction));
        if (clamped >= reported + STEP || (clamped == 1 && reported < 1)) {
            reported = clamped;
            try {
                listener.accept(clamped);
            } catch (RuntimeException e) {
                // a failing listener must not stop the thread reading ffmpeg's output, which would stall ffmpeg
            }
        }
    }

    /** Reports how far {@code seconds} is into media of {@code duration} seconds, scaled into [from, to]. */
    void reportTime(double seconds, double duration, double from, double to) {
        if (duration > 0) {
            report(from + (to - from) * Math.min(1, seconds / duration));
        }
    }
}
