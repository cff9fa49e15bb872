package io.mediawerk.intelligence.worker;

import io.mediawerk.intelligence.analysis.AudioLevels;
import io.mediawerk.intelligence.analysis.FaceAnalysis;
import io.mediawerk.intelligence.analysis.Scene;
import io.mediawerk.intelligence.analysis.Span;
import io.mediawerk.intelligence.analysis.TextLine;
import io.mediawerk.intelligence.speech.SpeechProvider;
import io.mediawerk.intelligence.vision.VisionProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of analysis results (snake_case maps). The whole result goes to the task's JSON source; the media's
 * intelligence prop gets a summary bounded to {@link #SUMMARY_ITEMS} items per list, so a long video cannot bloat
 * every Get Media.
 */
final class AnalysisResults {

    static final int SUMMARY_ITEMS = 100;
    private static final int SUMMARY_TEXT = 10_000;

    private AnalysisResults() {}

    static Map<String, Object> audioLevels(AudioLevels levels) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("integrated_lufs", levels.integratedLufs());
        result.put("loudness_range_lu", levels.loudnessRangeLu());
        result.put("true_peak_dbfs", levels.truePeakDbfs());
        result.put("clipping", levels.clipping());
        result.put("clipped_seconds", round(levels.clippedSeconds()));
        result.put("silence_count", levels.silences().size());
        result.put(
                "silences",
                levels.silences().stream().map(AnalysisResults::span).toList());
        Map<String, Object> curve = new LinkedHashMap<>();
        curve.put("step", levels.levels().stepSeconds());
        curve.put("peak_dbfs", levels.levels().peakDbfs());
        curve.put("rms_dbfs", levels.levels().rmsDbfs());
        result.put("levels", curve);
        return result;
    }

    /** Scenes with their keyframe files, named as in the output source ({@code keyframes/scene-000.jpg}). */
    static Map<String, Object> scenes(List<Scene> scenes, List<String> keyframeFiles) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scene_count", scenes.size());
        result.put(
                "scenes",
                scenes.stream()
                        .map(scene -> {
                            Map<String, Object> item = new LinkedHashMap<>();
                            item.put("index", scene.index());
                            item.put("start", round(scene.start()));
                            item.put("end", round(scene.end()));
                            item.put("score", scene.score() == null ? null : round(scene.score()));
                            item.put("keyframe", keyframeFiles.get(scene.index()));
                            return item;
                        })
                        .toList());
        return result;
    }

    /** Lines read, each with its box and, for video, the time and keyframe of the frame it was read in. */
    static Map<String, Object> text(List<TimedLine> lines) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("line_count", lines.size());
        result.put(
                "text",
                String.join("\n", lines.stream().map(line -> line.line().text()).toList()));
        result.put("lines", lines.stream().map(AnalysisResults::line).toList());
        return result;
    }

    /** The transcript with its timed segments (the subtitles source is added when it is stored). */
    static Map<String, Object> speech(SpeechProvider.Transcript transcript) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("language", transcript.language());
        result.put("text", transcript.text());
        result.put("segment_count", transcript.segments().size());
        result.put(
                "segments",
                transcript.segments().stream()
                        .map(segment -> Map.of(
                                "start", round(segment.start()), "end", round(segment.end()), "text", segment.text()))
                        .toList());
        return result;
    }

    /** Faces of an image. */
    static Map<String, Object> faces(List<FaceAnalysis.Face> faces) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("face_count", faces.size());
        result.put("faces", faces.stream().map(AnalysisResults::box).toList());
        return result;
    }

    /** Faces of a video, per scene keyframe; {@code face_count} is the most seen in one frame. */
    static Map<String, Object> faces(
            List<Scene> scenes, List<String> keyframeFiles, List<List<FaceAnalysis.Face>> perScene) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("face_count", perScene.stream().mapToInt(List::size).max().orElse(0));
        result.put(
                "frames",
                scenes.stream()
                        .map(scene -> {
                            Map<String, Object> frame = new LinkedHashMap<>();
                            frame.put("time", round(scene.start()));
                            frame.put("keyframe", keyframeFiles.get(scene.index()));
                            frame.put(
                                    "faces",
                                    perScene.get(scene.index()).stream()
                                            .map(AnalysisResults::box)
                                            .toList());
                            return frame;
                        })
                        .toList());
        return result;
    }

    private static Map<String, Object> box(FaceAnalysis.Face face) {
        return Map.of(
                "box", Map.of("left", face.left(), "top", face.top(), "width", face.width(), "height", face.height()));
    }

    /** Labels seen with at least the confidence asked for, by image or keyframe. */
    record Seen(Double time, String keyframe, List<VisionProvider.Prediction> predictions) {}

    /** Objects: each with its label, confidence and box; {@code labels} counts them (the most in one frame). */
    static Map<String, Object> objects(List<Seen> seen, boolean video) {
        Map<String, Integer> labels = new java.util.TreeMap<>();
        for (Seen frame : seen) {
            Map<String, Integer> here = new java.util.HashMap<>();
            frame.predictions().forEach(prediction -> here.merge(prediction.label(), 1, Integer::sum));
            here.forEach((label, count) -> labels.merge(label, count, Math::max));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(
                "object_count",
                seen.stream()
                        .mapToInt(frame -> frame.predictions().size())
                        .max()
                        .orElse(0));
        result.put("labels", labels);
        if (video) {
            result.put(
                    "frames",
                    seen.stream()
                            .map(frame -> frame(
                                    frame,
                                    "objects",
                                    frame.predictions().stream()
                                            .map(AnalysisResults::prediction)
                                            .toList()))
                            .toList());
        } else {
            result.put(
                    "objects",
                    seen.get(0).predictions().stream()
                            .map(AnalysisResults::prediction)
                            .toList());
        }
        return result;
    }

    /** nsfw: {@code nsfw} when a frame's nsfw label reaches the confidence asked for; {@code score} is the highest. */
    static Map<String, Object> nsfw(List<Seen> seen, double minConfidence, boolean video) {
        Map<String, Object> result = new LinkedHashMap<>();
        double score =
                seen.stream().mapToDouble(AnalysisResults::nsfwScore).max().orElse(0);
        result.put("nsfw", score >= minConfidence);
        result.put("score", round(score));
        if (video) {
            result.put(
                    "frames",
                    seen.stream()
                            .map(frame -> frame(frame, "score", round(nsfwScore(frame))))
                            .toList());
        } else {
            result.put(
                    "predictions",
                    seen.get(0).predictions().stream()
                            .map(AnalysisResults::prediction)
                            .toList());
        }
        return result;
    }

    /** Labels that mean not safe for work, as nsfw classifiers name them. */
    private static final java.util.Set<String> NSFW_LABELS =
            java.util.Set.of("nsfw", "porn", "hentai", "sexy", "explicit", "nudity");

    private static double nsfwScore(Seen frame) {
        return frame.predictions().stream()
                .filter(prediction -> NSFW_LABELS.contains(prediction.label().toLowerCase(java.util.Locale.ROOT)))
                .mapToDouble(VisionProvider.Prediction::confidence)
                .max()
                .orElse(0);
    }

    private static Map<String, Object> frame(Seen frame, String key, Object value) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("time", round(frame.time()));
        item.put("keyframe", frame.keyframe());
        item.put(key, value);
        return item;
    }

    private static Map<String, Object> prediction(VisionProvider.Prediction prediction) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("label", prediction.label());
        item.put("confidence", round(prediction.confidence()));
        if (prediction.box() != null) {
            item.put(
                    "box",
                    Map.of(
                            "left",
                            prediction.box().left(),
                            "top",
                            prediction.box().top(),
                            "width",
                            prediction.box().width(),
                            "height",
                            prediction.box().height()));
        }
        return item;
    }

    /** A line of text and, when it was read in a video frame, that frame's time and keyframe file. */
    record TimedLine(TextLine line, Double time, String keyframe) {}

    /** The result with its lists cut to {@link #SUMMARY_ITEMS} (their full lengths stay in the counts). */
    static Map<String, Object> summary(Map<String, Object> result) {
        Map<String, Object> summary = new LinkedHashMap<>();
        result.forEach((key, value) -> {
            if (value instanceof List<?> list && list.size() > SUMMARY_ITEMS) {
                summary.put(key, list.subList(0, SUMMARY_ITEMS));
                summary.put(key + "_truncated", true);
            } else if (value instanceof String text && text.length() > SUMMARY_TEXT) {
                summary.put(key, text.substring(0, SUMMARY_TEXT));
                summary.put(key + "_truncated", true);
            } else {
                summary.put(key, value);
            }
        });
        return summary;
    }

    private static Map<String, Object> line(TimedLine timed) {
        TextLine line = timed.line();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("text", line.text());
        if (timed.time() != null) {
            item.put("time", round(timed.time()));
            item.put("keyframe", timed.keyframe());
        }
        item.put("box", Map.of("left", line.left(), "top", line.top(), "width", line.width(), "height", line.height()));
        item.put("confidence", round(line.confidence()));
        return item;
    }

    private static Map<String, Object> span(Span span) {
        return Map.of(
                "start", round(span.start()), "end", round(span.end()), "duration", round(span.end() - span.start()));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
