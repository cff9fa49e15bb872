package io.mediawerk.intelligence.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenes of a video made of three segments with hard cuts, and the reading of ffmpeg's scene scores. */
class SceneAnalysisTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final double DURATION = 7.0;
    private static final String SIZE = "320x240";

    @TempDir
    static Path media;

    @TempDir
    Path work;

    /** 0–2 s red, 2–5 s testsrc2, 5–7 s blue; 320x240, 25 fps, H.264. */
    private static Path threeScenes;
    /** testsrc2 as it looks half a second in, as the middle scene's keyframe shows it. */
    private static Path testsrcFrame;

    @BeforeAll
    static void makeMedia() {
        threeScenes = MadeMedia.ffmpeg(
                media.resolve("three-scenes.mp4"),
                "-f",
                "lavfi",
                "-i",
                "color=c=red:s=" + SIZE + ":r=25:d=2",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=s=" + SIZE + ":r=25:d=3",
                "-f",
                "lavfi",
                "-i",
                "color=c=blue:s=" + SIZE + ":r=25:d=2",
                "-filter_complex",
                "[0][1][2]concat=n=3:v=1:a=0,format=yuv420p[v]",
                "-map",
                "[v]",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast");
        testsrcFrame = MadeMedia.ffmpeg(
                media.resolve("testsrc2.png"),
                "-f",
                "lavfi",
                "-i",
                "testsrc2=s=" + SIZE + ":r=25:d=3",
                "-ss",
                "0.5",
                "-frames:v",
                "1");
    }

    @Test
    void findsTheThreeScenesWithAKeyframeEach() {
        List<Double> progress = new CopyOnWriteArrayList<>();

        List<Scene> scenes = SceneAnalysis.run(threeScenes.toString(), DURATION, 0.3, 10, TIMEOUT, work, progress::add)
                .scenes();

        assertThat(scenes).extracting(Scene::index).containsExactly(0, 1, 2);
        assertThat(scenes.get(0).start()).isZero();
        assertThat(scenes.get(1).start()).isCloseTo(2.0, within(0.1));
        assertThat(scenes.get(2).start()).isCloseTo(5.0, within(0.1));
        assertThat(scenes.get(0).end()).isEqualTo(scenes.get(1).start());
        assertThat(scenes.get(1).end()).isEqualTo(scenes.get(2).start());
        assertThat(scenes.get(2).end()).isEqualTo(DURATION);
        assertThat(scenes.get(0).score()).isNull();
        assertThat(scenes.subList(1, 3))
                .allSatisfy(scene -> assertThat(scene.score()).isBetween(0.3, 1.0));
        assertThat(scenes)
                .extracting(scene -> scene.keyframe().getFileName().toString())
                .containsExactly("scene-000.jpg", "scene-001.jpg", "scene-002.jpg");
        scenes.forEach(scene -> assertThat(MadeMedia.head(scene.keyframe(), 3)).containsExactly(0xFF, 0xD8, 0xFF));
        assertRed(scenes.get(0).keyframe());
        assertThat(MadeMedia.meanColour(scenes.get(1).keyframe()))
                .containsExactly(MadeMedia.meanColour(testsrcFrame), within(12.0));
        assertBlue(scenes.get(2).keyframe());
        assertThat(progress).isSorted().last().isEqualTo(1.0);
        assertThat(progress).anyMatch(fraction -> fraction >= 0.8 && fraction < 1);
    }

    @Test
    void keepsTheStrongestCutsWhenThereAreTooManyScenes() {
        List<Scene> all = SceneAnalysis.run(
                        threeScenes.toString(), DURATION, 0.3, 10, TIMEOUT, work.resolve("all"), null)
                .scenes();
        double strongest = Math.max(all.get(1).score(), all.get(2).score());

        List<Scene> two = SceneAnalysis.run(threeScenes.toString(), DURATION, 0.3, 2, TIMEOUT, work, null)
                .scenes();

        assertThat(two).hasSize(2);
        assertThat(two.get(1).score()).isEqualTo(strongest);
        assertThat(two.get(0).end()).isEqualTo(two.get(1).start());
        assertThat(two.get(1).end()).isEqualTo(DURATION);
        assertThat(two).allSatisfy(scene -> assertThat(scene.keyframe()).isRegularFile());
        assertThat(work.resolve("scene-002.jpg")).doesNotExist();
    }

    @Test
    void aScoreNoCutReachesLeavesOneScene() {
        List<Scene> scenes = SceneAnalysis.run(threeScenes.toString(), DURATION, 0.99, 10, TIMEOUT, work, null)
                .scenes();

        assertThat(scenes).singleElement().satisfies(scene -> {
            assertThat(scene.start()).isZero();
            assertThat(scene.end()).isEqualTo(DURATION);
            assertThat(scene.score()).isNull();
            assertRed(scene.keyframe());
        });
    }

    @Test
    void audioAloneHasNoVideo() {
        Path audio = MadeMedia.ffmpeg(
                work.resolve("tone.wav"), "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=1");

        assertThatThrownBy(() -> SceneAnalysis.run(audio.toString(), 1.0, 0.3, 10, TIMEOUT, work, null))
                .isInstanceOfSatisfying(
                        AnalysisFailure.class,
                        failure -> assertThat(failure.code()).isEqualTo("no_video"));
    }

    @Test
    void randomBytesAreUnreadable() {
        Path noise = MadeMedia.randomBytes(work.resolve("noise.bin"), 200_000);

        assertThatThrownBy(() -> SceneAnalysis.run(noise.toString(), 1.0, 0.3, 10, TIMEOUT, work, null))
                .isInstanceOfSatisfying(AnalysisFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo("unreadable_media");
                    assertThat(failure.getMessage()).doesNotContain(work.toString());
                });
    }

    @Test
    void runningOutOfTimeStopsTheAnalysis() {
        assertThatThrownBy(() ->
                        SceneAnalysis.run(threeScenes.toString(), DURATION, 0.3, 10, Duration.ofMillis(1), work, null))
                .isInstanceOfSatisfying(
                        AnalysisFailure.class,
                        failure -> assertThat(failure.code()).isEqualTo("analysis_timeout"));
    }

    @Test
    void refusesScoresAndCountsOutOfRange() {
        assertThatThrownBy(() -> SceneAnalysis.run(threeScenes.toString(), DURATION, 0, 10, TIMEOUT, work, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SceneAnalysis.run(threeScenes.toString(), DURATION, 0.3, 0, TIMEOUT, work, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // reading ffmpeg's output, captured from runs of SceneAnalysis.scoring

    private static final String PRINTED = """
            frame:0    pts:0       pts_time:0
            lavfi.scene_score=0.000000
            frame:1    pts:40000   pts_time:0.04
            lavfi.scene_score=0.000000
            frame:49   pts:1960000 pts_time:1.96
            lavfi.scene_score=0.000000
            frame:50   pts:2000000 pts_time:2
            lavfi.scene_score=0.566421
            frame:51   pts:2040000 pts_time:2.04
            lavfi.scene_score=0.013207
            frame:125  pts:5000000 pts_time:5
            lavfi.scene_score=0.792366
            frame:174  pts:6960000 pts_time:6.96
            lavfi.scene_score=0.000000
            """;

    @Test
    void readsCutsFromTheScoreLines() {
        List<Double> progress = new CopyOnWriteArrayList<>();
        SceneCutLines cuts = new SceneCutLines(0.3, 9, DURATION, new Progress(progress::add), 0.9);

        PRINTED.lines().forEach(cuts::line);

        assertThat(cuts.cuts())
                .containsExactly(new SceneCutLines.Cut(2.0, 0.566421), new SceneCutLines.Cut(5.0, 0.792366));
        assertThat(cuts.frameInterval()).isCloseTo(0.04, within(1e-9));
        assertThat(cuts.lastFrameEnd()).isCloseTo(7.0, within(1e-9));
        assertThat(progress).last().isEqualTo(0.9 * 6.96 / DURATION);
    }

    @Test
    void keepsOnlyTheStrongestCutsAndNeverTheFirstFrame() {
        SceneCutLines one = new SceneCutLines(0.3, 1, DURATION, new Progress(null), 0.9);
        SceneCutLines none = new SceneCutLines(0.3, 0, DURATION, new Progress(null), 0.9);
        SceneCutLines firstFrameScored = new SceneCutLines(0.3, 5, DURATION, new Progress(null), 0.9);

        PRINTED.lines().forEach(one::line);
        PRINTED.lines().forEach(none::line);
        List.of("frame:0    pts:0       pts_time:0", "lavfi.scene_score=1.000000")
                .forEach(firstFrameScored::line);

        assertThat(one.cuts()).containsExactly(new SceneCutLines.Cut(5.0, 0.792366));
        assertThat(none.cuts()).isEmpty();
        assertThat(firstFrameScored.cuts()).isEmpty();
    }

    @Test
    void scenesEndAtTheDurationOrElseAtTheLastFrame() {
        SceneCutLines cuts = new SceneCutLines(0.3, 9, 0, new Progress(null), 0.9);
        PRINTED.lines().forEach(cuts::line);

        List<Scene> scenes = SceneAnalysis.scenes(cuts, 0, work);

        assertThat(scenes).extracting(Scene::start).containsExactly(0.0, 2.0, 5.0);
        assertThat(scenes).extracting(Scene::end).containsExactly(2.0, 5.0, 7.0);
        assertThat(scenes).extracting(Scene::score).containsExactly(null, 0.566421, 0.792366);
    }

    @Test
    void keyframesAreTakenALittleIntoTheirScene() {
        Path file = work.resolve("scene-000.jpg");

        assertThat(Keyframes.keyframeTime(new Scene(0, 0, 2, null, file), 0.04)).isEqualTo(0.5);
        assertThat(Keyframes.keyframeTime(new Scene(1, 2, 2.4, 0.5, file), 0.04))
                .isCloseTo(2.1, within(1e-9));
        assertThat(Keyframes.keyframeTime(new Scene(2, 3, 3.04, 0.5, file), 0.04))
                .isEqualTo(3.0);
        assertThat(Keyframes.seekTime(new Scene(0, 0, 0.04, null, file), 0.04)).isZero();
        assertThat(Keyframes.command(
                        AnalysisInput.of(threeScenes.toString()),
                        List.of(new Scene(0, 0, 2, null, file), new Scene(1, 2, 5, 0.5, work.resolve("scene-001.jpg"))),
                        0.04))
                .containsSubsequence(
                        "-i",
                        "-ss",
                        "2.499",
                        "-i",
                        "-map",
                        "0:V:0",
                        "-frames:v",
                        "1",
                        file.toString(),
                        "-map",
                        "1:V:0");
    }

    private static void assertRed(Path keyframe) {
        double[] rgb = MadeMedia.meanColour(keyframe);
        assertThat(rgb[0]).isGreaterThan(200);
        assertThat(rgb[1]).isLessThan(50);
        assertThat(rgb[2]).isLessThan(50);
    }

    private static void assertBlue(Path keyframe) {
        double[] rgb = MadeMedia.meanColour(keyframe);
        assertThat(rgb[0]).isLessThan(50);
        assertThat(rgb[1]).isLessThan(50);
        assertThat(rgb[2]).isGreaterThan(200);
    }
}
