package io.mediawerk.intelligence.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Writes the keyframe JPEG of each scene, {@link SceneAnalysis#KEYFRAMES_PER_RUN} scenes per ffmpeg run: the run
 * opens the input once per scene, seeking to its keyframe, and writes the first frame from there. A seek decodes
 * only from the key frame before the time, so long videos are not decoded a second time.
 */
final class Keyframes {

    /** Seeking a little before the time keeps a frame at exactly that time, whatever the rounding of timestamps. */
    private static final double SEEK_MARGIN_SECONDS = 0.001;

    private Keyframes() {}

    /**
     * @param frameInterval the shortest time between two frames, or NaN when unknown
     * @param scenesDone told how many scenes have their keyframe after each run
     */
    static void extract(
            AnalysisInput source, List<Scene> scenes, double frameInterval, Deadline deadline, IntConsumer scenesDone) {
        for (int from = 0; from < scenes.size(); from += SceneAnalysis.KEYFRAMES_PER_RUN) {
            List<Scene> batch = scenes.subList(from, Math.min(scenes.size(), from + SceneAnalysis.KEYFRAMES_PER_RUN));
            batch.forEach(Keyframes::deleteStale);
            FfmpegRun.run(
                    command(source, batch, frameInterval),
                    source,
                    deadline,
                    line -> {},
                    () -> new AnalysisFailure("no_video", "The media has no video track to analyse."));
            scenesDone.accept(from + batch.size());
        }
    }

    static List<String> command(AnalysisInput source, List<Scene> batch, double frameInterval) {
        List<String> command = FfmpegRun.command("error");
        for (Scene scene : batch) {
            command.addAll(source.arguments(seekTime(scene, frameInterval)));
        }
        for (int i = 0; i < batch.size(); i++) {
            command.addAll(List.of(
                    "-map",
                    i + ":V:0",
                    "-frames:v",
                    "1",
                    "-c:v",
                    "mjpeg",
                    "-q:v",
                    "3",
                    "-f",
                    "image2",
                    "-update",
                    "1",
                    batch.get(i).keyframe().toAbsolutePath().toString()));
        }
        return command;
    }

    /**
     * A quarter into the scene, at most {@link SceneAnalysis#KEYFRAME_OFFSET_SECONDS} in; at its first frame when
     * the scene is shorter than two frames, so that the frame taken is never the next scene's.
     */
    static double keyframeTime(Scene scene, double frameInterval) {
        double length = scene.end() - scene.start();
        if (!Double.isNaN(frameInterval) && length < 2 * frameInterval) {
            return scene.start();
        }
        return scene.start() + Math.min(SceneAnalysis.KEYFRAME_OFFSET_SECONDS, Math.max(0, length) / 4);
    }

    static double seekTime(Scene scene, double frameInterval) {
        return Math.max(0, keyframeTime(scene, frameInterval) - SEEK_MARGIN_SECONDS);
    }

    private static void deleteStale(Scene scene) {
        try {
            Files.deleteIfExists(scene.keyframe());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot replace " + scene.keyframe().getFileName(), e);
        }
    }
}
