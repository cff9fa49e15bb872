package io.mediawerk.intelligence.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;

/**
 * Finds the scenes of the first video stream (cover pictures of audio files are not video) with ffmpeg's scene
 * score: one run computes the score of every frame ({@code select} with {@code scene}) and prints it on stdout; a
 * frame scoring at least the minimum starts a new scene. Then a few short runs write one JPEG per scene, each opening
 * the input once per scene with a seek to the scene, so that only a little around each keyframe is decoded again.
 */
public final class SceneAnalysis {

    static final int KEYFRAMES_PER_RUN = 8;
    static final double SCANNING_SHARE = 0.9;
    /** How far into its scene a keyframe is taken at most, past a fade or a cut frame mixing two scenes. */
    static final double KEYFRAME_OFFSET_SECONDS = 0.5;

    private SceneAnalysis() {}

    /**
     * Cuts where the scene score is {@code >= minScore}; scene 0 starts at 0. Writes one JPEG keyframe per scene
     * into {@code workDir} (scene-000.jpg, ...), taken a little after the scene start. When there would be more than
     * {@code maxScenes} scenes, only the {@code maxScenes - 1} cuts with the highest scores are kept: the weaker cuts
     * are dropped and their scenes merged into the scene before them, so the scenes still cover the whole video.
     *
     * @param input a path or an http(s) URL that ffmpeg reads
     * @param durationSeconds the video's duration, for progress and for the end of the last scene
     * @param minScore 0 (excluded) to 1, e.g. 0.3
     * @param progress called with 0..1 as the analysis advances, from any thread; may be null
     * @throws AnalysisFailure {@code no_video}, {@code unreadable_media} or {@code analysis_timeout}
     */
    public static Scenes run(
            String input,
            double durationSeconds,
            double minScore,
            int maxScenes,
            Duration timeout,
            Path workDir,
            DoubleConsumer progress) {
        if (!(minScore > 0 && minScore <= 1)) {
            throw new IllegalArgumentException("minScore must be above 0 and at most 1");
        }
        if (maxScenes < 1) {
            throw new IllegalArgumentException("maxScenes must be at least 1");
        }
        AnalysisInput source = AnalysisInput.of(input);
        Deadline deadline = Deadline.after(timeout);
        Progress reporter = new Progress(progress);
        createDirectories(workDir);
        SceneCutLines cuts = new SceneCutLines(minScore, maxScenes - 1, durationSeconds, reporter, SCANNING_SHARE);
        FfmpegRun.run(
                scoring(source),
                source,
                deadline,
                cuts::line,
                () -> new AnalysisFailure("no_video", "The media has no video track to analyse."));
        List<Scene> scenes = scenes(cuts, durationSeconds, workDir);
        Keyframes.extract(
                source,
                scenes,
                cuts.frameInterval(),
                deadline,
                done -> reporter.report(SCANNING_SHARE + (1 - SCANNING_SHARE) * done / scenes.size()));
        reporter.report(1);
        return new Scenes(
                scenes.stream().map(SceneAnalysis::withKeyframeWritten).toList());
    }

    static List<String> scoring(AnalysisInput source) {
        List<String> command = FfmpegRun.command("error");
        command.addAll(source.arguments(0));
        // gte(scene,0) keeps every frame: all of them are printed, for progress, and the minimum is applied here
        command.addAll(List.of(
                "-filter_complex",
                "[0:V:0]select='gte(scene,0)',settb=AVTB," + "metadata=mode=print:key=lavfi.scene_score:direct=1:file="
                        + Filters.STDOUT + "[scores]",
                "-map",
                "[scores]",
                "-f",
                "null",
                "-"));
        return command;
    }

    /** The scenes the cuts make, each with the file its keyframe is to be written to. */
    static List<Scene> scenes(SceneCutLines cuts, double durationSeconds, Path workDir) {
        List<SceneCutLines.Cut> kept = cuts.cuts();
        List<Scene> scenes = new ArrayList<>();
        for (int i = 0; i <= kept.size(); i++) {
            double start = i == 0 ? 0 : kept.get(i - 1).time();
            double end;
            if (i < kept.size()) {
                end = kept.get(i).time();
            } else {
                end = durationSeconds > start ? durationSeconds : Math.max(start, cuts.lastFrameEnd());
            }
            Double score = i == 0 ? null : kept.get(i - 1).score();
            scenes.add(new Scene(i, start, end, score, keyframeFile(workDir, i)));
        }
        return scenes;
    }

    static Path keyframeFile(Path workDir, int sceneIndex) {
        return workDir.resolve(String.format(Locale.ROOT, "scene-%03d.jpg", sceneIndex));
    }

    /** The scene as it is, or without a keyframe when ffmpeg found no frame to write there. */
    private static Scene withKeyframeWritten(Scene scene) {
        return Files.isRegularFile(scene.keyframe())
                ? scene
                : new Scene(scene.index(), scene.start(), scene.end(), scene.score(), null);
    }

    private static void createDirectories(Path workDir) {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the work folder", e);
        }
    }
}
