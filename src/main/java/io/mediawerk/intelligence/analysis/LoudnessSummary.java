package io.mediawerk.intelligence.analysis;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The summary the {@code ebur128} filter logs when it ends:
 * <pre>
 * [Parsed_ebur128_2 @ 0x55...] Summary:
 *
 *   Integrated loudness:
 *     I:         -23.3 LUFS
 *     Threshold: -33.4 LUFS
 *
 *   Loudness range:
 *     LRA:         1.2 LU
 *     ...
 *   True peak:
 *     Peak:      -20.0 dBFS
 * </pre>
 * ffmpeg reports -70 LUFS, its absolute gate, for silence, and -inf dBFS as its true peak: both are read as null.
 */
record LoudnessSummary(Double integratedLufs, Double loudnessRangeLu, Double truePeakDbfs) {

    static final double ABSOLUTE_GATE_LUFS = -70;

    private static final String SUMMARY = "Summary:";
    private static final Pattern INTEGRATED = Pattern.compile("(?m)^\\s*I:\\s+(\\S+)\\s+LUFS");
    private static final Pattern RANGE = Pattern.compile("(?m)^\\s*LRA:\\s+(\\S+)\\s+LU\\b");
    private static final Pattern TRUE_PEAK = Pattern.compile("(?m)^\\s*Peak:\\s+(\\S+)\\s+dBFS");

    /** @return the last summary in the text, if it holds the integrated loudness */
    static Optional<LoudnessSummary> parse(String stderr) {
        int at = stderr == null ? -1 : stderr.lastIndexOf(SUMMARY);
        if (at < 0) {
            return Optional.empty();
        }
        String summary = stderr.substring(at);
        Double integrated = number(INTEGRATED, summary);
        if (integrated == null) {
            return Optional.empty();
        }
        boolean audible = Double.isFinite(integrated) && integrated > ABSOLUTE_GATE_LUFS;
        Double range = number(RANGE, summary);
        Double truePeak = number(TRUE_PEAK, summary);
        return Optional.of(new LoudnessSummary(
                audible ? integrated : null,
                audible && range != null && Double.isFinite(range) ? range : null,
                truePeak != null && Double.isFinite(truePeak) ? truePeak : null));
    }

    private static Double number(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? FfmpegNumbers.parse(matcher.group(1)) : null;
    }
}
