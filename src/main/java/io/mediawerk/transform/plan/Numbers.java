package io.mediawerk.transform.plan;

import io.mediawerk.api.OptionReader;

/** Numbers as options store them and as ffmpeg arguments and messages show them. */
final class Numbers {

    private Numbers() {}

    /** A whole number as an Integer (or Long), anything else as a Double: what JSON shows as 5 rather than 5.0. */
    static Object tidy(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value)) {
            long whole = (long) value;
            if (whole >= Integer.MIN_VALUE && whole <= Integer.MAX_VALUE) {
                return (int) whole;
            }
            return whole;
        }
        return value;
    }

    /** The shortest plain text of a number: 5, 2.5, 0.125 (at most three decimals). */
    static String text(double value) {
        return OptionReader.plain(value);
    }

    /**
     * A frame's time as ffmpeg is given it to find that frame (the first at or after a time): the millisecond just
     * below, so that three decimals never round it up past the frame.
     */
    static double justBefore(double frameSeconds) {
        return Math.floor((frameSeconds - 0.0005) * 1000) / 1000;
    }

    /** Seconds rounded to the millisecond. */
    static double millis(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
