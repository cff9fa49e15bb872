package io.mediawerk.intelligence.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code metadata=mode=print:key=lavfi.scene_score} writes for each video frame, a line at a time:
 * <pre>
 * frame:50   pts:2000000 pts_time:2
 * lavfi.scene_score=0.566421
 * </pre>
 * The timestamps are in microseconds ({@code settb=AVTB}). A frame whose score is at least the minimum starts a new
 * scene; only the {@code maxCuts} strongest cuts are kept (the weakest go first, the later of equal ones), so any
 * number of cuts is read in bounded memory.
 */
final class SceneCutLines {

    /** A frame where a new scene starts. */
    record Cut(double time, double score) {}

    private static final Pattern FRAME = Pattern.compile("^frame:\\s*\\d+\\s+pts:\\s*(-?\\d+)\\s");
    private static final String SCORE = "lavfi.scene_score=";
    private static final double MICROS = 1_000_000.0;
    private static final Comparator<Cut> WEAKEST_FIRST = Comparator.comparingDouble(Cut::score)
            .thenComparing(Comparator.comparingDouble(Cut::time).reversed());

    private final double minScore;
    private final int maxCuts;
    private final double durationSeconds;
    private final Progress progress;
    private final double progressShare;
    private final PriorityQueue<Cut> strongest = new PriorityQueue<>(WEAKEST_FIRST);
    private Double firstFrame;
    private double frameTime = Double.NaN;
    private double frameInterval = Double.NaN;

    /**
     * @param progressShare the part of the whole analysis this reading is: progress goes from 0 to it
     */
    SceneCutLines(double minScore, int maxCuts, double durationSeconds, Progress progress, double progressShare) {
        this.minScore = minScore;
        this.maxCuts = maxCuts;
        this.durationSeconds = durationSeconds;
        this.progress = progress;
        this.progressShare = progressShare;
    }

    synchronized void line(String line) {
        Matcher frame = FRAME.matcher(line);
        if (frame.find()) {
            double time = Long.parseLong(frame.group(1)) / MICROS;
            if (firstFrame == null) {
                firstFrame = time;
            } else if (time > frameTime) {
                frameInterval =
                        Double.isNaN(frameInterval) ? time - frameTime : Math.min(frameInterval, time - frameTime);
            }
            frameTime = time;
            progress.reportTime(time, durationSeconds, 0, progressShare);
        } else if (line.startsWith(SCORE) && firstFrame != null && frameTime > firstFrame) {
            Double score = FfmpegNumbers.parse(line.substring(SCORE.length()));
            if (score != null && score >= minScore) {
                keep(new Cut(frameTime, score));
            }
        }
    }

    private void keep(Cut cut) {
        if (maxCuts <= 0) {
            return;
        }
        strongest.add(cut);
        if (strongest.size() > maxCuts) {
            strongest.poll();
        }
    }

    /** The cuts kept, in time order. */
    synchronized List<Cut> cuts() {
        List<Cut> cuts = new ArrayList<>(strongest);
        cuts.sort(Comparator.comparingDouble(Cut::time));
        return cuts;
    }

    /** The shortest time between two frames, or NaN when fewer than two frames were seen. */
    synchronized double frameInterval() {
        return frameInterval;
    }

    /** Where the last frame ends, as far as the frames read tell; 0 when none was read. */
    synchronized double lastFrameEnd() {
        if (Double.isNaN(frameTime)) {
            return 0;
        }
        return frameTime + (Double.isNaN(frameInterval) ? 0 : frameInterval);
    }
}
