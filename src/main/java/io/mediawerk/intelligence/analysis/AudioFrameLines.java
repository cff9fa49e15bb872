package io.mediawerk.intelligence.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code ametadata=mode=print} writes for each audio frame of the levels branch, a line at a time:
 * <pre>
 * frame:58   pts:2474667 pts_time:2.47467
 * lavfi.astats.Overall.Peak_level=-inf
 * lavfi.astats.Overall.RMS_level=-inf
 * lavfi.astats.Overall.Flat_factor=-inf
 * lavfi.astats.Overall.Peak_count=4096.000000
 * lavfi.astats.Overall.Number_of_samples=2048.000000
 * lavfi.silence_start=2
 * </pre>
 * The timestamps are in microseconds ({@code asettb=AVTB}); astats measures each frame alone ({@code reset=1}).
 * Only running totals, the silent spans and a fixed number of level steps are kept, so any length of media can be read.
 */
final class AudioFrameLines {

    /** A frame may be clipped only when its peak is this close to full scale. */
    static final double CLIP_PEAK_DBFS = -0.1;
    /** astats' flat factor is 20·log10 of the mean run length of the samples at the peak: 3 samples or more. */
    static final double CLIP_FLAT_FACTOR_DB = 9.5;

    private static final Pattern FRAME = Pattern.compile("^frame:\\s*\\d+\\s+pts:\\s*(-?\\d+)\\s");
    private static final String STATS = "lavfi.astats.Overall.";
    private static final String SILENCE_START = "lavfi.silence_start=";
    private static final String SILENCE_END = "lavfi.silence_end=";
    private static final double MICROS = 1_000_000.0;

    private final double durationSeconds;
    private final Progress progress;
    private final List<Span> silences = new ArrayList<>();
    private final LevelSteps levels;
    private Double silenceStart;
    private Frame frame;
    private double secondsPerSample = Double.NaN;
    private double mediaEnd;
    private boolean clipping;
    private double clippedSeconds;

    AudioFrameLines(double durationSeconds, Progress progress) {
        this.durationSeconds = durationSeconds;
        this.progress = progress;
        this.levels = new LevelSteps(durationSeconds);
    }

    /** One frame's measures. */
    private static final class Frame {
        final double start;
        double peakDb = Double.NEGATIVE_INFINITY;
        double rmsDb = Double.NEGATIVE_INFINITY;
        double flatFactorDb = Double.NEGATIVE_INFINITY;
        double peakCount;
        double samples;

        Frame(double start) {
            this.start = start;
        }

        boolean clipped() {
            return peakDb >= CLIP_PEAK_DBFS && flatFactorDb >= CLIP_FLAT_FACTOR_DB;
        }

        /** Part of the frame at the peak: astats counts the samples at either extreme, per channel. */
        double clippedShare() {
            return samples > 0 ? Math.min(1, peakCount / samples) : 0;
        }
    }

    synchronized void line(String line) {
        Matcher frameLine = FRAME.matcher(line);
        if (frameLine.find()) {
            double start = Long.parseLong(frameLine.group(1)) / MICROS;
            endFrame(start - (frame == null ? start : frame.start));
            frame = new Frame(start);
            progress.reportTime(start, durationSeconds, 0, 1);
        } else if (line.startsWith(STATS) && frame != null) {
            readStat(line.substring(STATS.length()));
        } else if (line.startsWith(SILENCE_START)) {
            Double start = FfmpegNumbers.parse(line.substring(SILENCE_START.length()));
            if (silenceStart == null && start != null) {
                silenceStart = Math.max(0, start);
            }
        } else if (line.startsWith(SILENCE_END)) {
            Double end = FfmpegNumbers.parse(line.substring(SILENCE_END.length()));
            if (silenceStart != null && end != null) {
                silences.add(new Span(silenceStart, Math.max(silenceStart, end)));
                silenceStart = null;
            }
        }
    }

    private void readStat(String stat) {
        int equals = stat.indexOf('=');
        Double value = equals < 0 ? null : FfmpegNumbers.parse(stat.substring(equals + 1));
        if (value == null) {
            return;
        }
        switch (stat.substring(0, equals)) {
            case "Peak_level" -> frame.peakDb = value;
            case "RMS_level" -> frame.rmsDb = value;
            case "Flat_factor" -> frame.flatFactorDb = value;
            case "Peak_count" -> frame.peakCount = value;
            case "Number_of_samples" -> frame.samples = value;
            default -> {
                // not asked for
            }
        }
    }

    /** Adds the current frame, which lasted {@code seconds}, to the totals. */
    private void endFrame(double seconds) {
        if (frame == null) {
            return;
        }
        if (seconds > 0 && frame.samples > 0) {
            secondsPerSample = seconds / frame.samples;
        }
        levels.add(frame.start, frame.peakDb, frame.rmsDb, frame.samples);
        if (frame.clipped()) {
            clipping = true;
            clippedSeconds += Math.max(0, seconds) * frame.clippedShare();
        }
        mediaEnd = Math.max(mediaEnd, frame.start + Math.max(0, seconds));
    }

    /** Ends the last frame; call once ffmpeg is done. */
    synchronized void finish() {
        if (frame == null) {
            return;
        }
        double seconds = Double.isNaN(secondsPerSample)
                ? Math.max(0, durationSeconds - frame.start)
                : frame.samples * secondsPerSample;
        endFrame(seconds);
        frame = null;
    }

    /** The silent spans; one still open ends at the media's duration, or at the end of the last frame without one. */
    synchronized List<Span> silences() {
        List<Span> spans = new ArrayList<>(silences);
        if (silenceStart != null) {
            double end = durationSeconds > silenceStart ? durationSeconds : Math.max(silenceStart, mediaEnd);
            spans.add(new Span(silenceStart, end));
        }
        return spans;
    }

    synchronized LevelCurve levels() {
        return levels.curve();
    }

    synchronized boolean clipping() {
        return clipping;
    }

    synchronized double clippedSeconds() {
        return clippedSeconds;
    }
}
