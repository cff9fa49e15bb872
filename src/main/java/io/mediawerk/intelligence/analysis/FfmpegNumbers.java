package io.mediawerk.intelligence.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Numbers as ffmpeg prints and reads them. */
final class FfmpegNumbers {

    private FfmpegNumbers() {}

    /**
     * A number ffmpeg printed, where infinities and NaN are spelled "inf", "-inf" and "nan".
     *
     * @return the number, or null when the text is no number
     */
    static Double parse(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip().toLowerCase(Locale.ROOT);
        switch (value) {
            case "inf", "+inf" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case "nan", "-nan" -> {
                return Double.NaN;
            }
            default -> {
                try {
                    return Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
    }

    /** Seconds for an ffmpeg option, to the microsecond, never in exponent notation. */
    static String text(double seconds) {
        return BigDecimal.valueOf(seconds)
                .setScale(6, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
