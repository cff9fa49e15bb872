package io.mediawerk.intelligence.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loudness, silences and clipping of audio made with ffmpeg, and the reading of ffmpeg's output. */
class AudioLevelsAnalysisTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** A 1 kHz sine peaking at 0.1, -20 dBFS. */
    private static final String TONE = "0.1*sin(2*PI*1000*t)";

    @TempDir
    static Path media;

    @TempDir
    Path work;

    private static Path tone;
    private static Path toneSilenceTone;

    @BeforeAll
    static void makeMedia() {
        tone = MadeMedia.ffmpeg(
                media.resolve("tone.wav"),
                "-f",
                "lavfi",
                "-i",
                "aevalsrc=" + TONE + ":s=48000:d=2",
                "-c:a",
                "pcm_s16le");
        toneSilenceTone = MadeMedia.ffmpeg(
                media.resolve("tone-silence-tone.wav"),
                "-f",
                "lavfi",
                "-i",
                "aevalsrc='if(between(t,2,3.5),0," + TONE + ")':s=48000:d=5.5",
                "-c:a",
                "pcm_s16le");
    }

    @Test
    void findsTheSilenceBetweenTwoTonesAndTheirLoudness() {
        List<Double> progress = new CopyOnWriteArrayList<>();

        AudioLevels levels = AudioLevelsAnalysis.run(toneSilenceTone.toString(), 5.5, TIMEOUT, work, progress::add);

        assertThat(levels.silences()).hasSize(1);
        assertThat(levels.silences().get(0).start()).isCloseTo(2.0, within(0.15));
        assertThat(levels.silences().get(0).end()).isCloseTo(3.5, within(0.15));
        assertThat(levels.integratedLufs()).isCloseTo(integratedLoudnessOf(tone), within(1.5));
        assertThat(levels.integratedLufs()).isCloseTo(-23.0, within(1.0));
        assertThat(levels.loudnessRangeLu()).isNotNull().isBetween(0.0, 3.0);
        assertThat(levels.truePeakDbfs()).isCloseTo(-20.0, within(0.5));
        assertThat(levels.clipping()).isFalse();
        assertThat(levels.clippedSeconds()).isZero();
        LevelCurve curve = levels.levels();
        assertThat(curve.stepSeconds()).isEqualTo(0.1);
        assertThat(curve.peakDbfs()).hasSize(55);
        assertThat(curve.peakDbfs().get(10)).isCloseTo(-20.0, within(0.2));
        // a sine's RMS is its peak less 3 dB
        assertThat(curve.rmsDbfs().get(10)).isCloseTo(-23.0, within(0.2));
        assertThat(curve.peakDbfs().subList(21, 34)).containsOnlyNulls();
        assertThat(curve.rmsDbfs().get(40)).isCloseTo(-23.0, within(0.2));
        assertThat(progress).isSorted().last().isEqualTo(1.0);
        assertThat(progress).anyMatch(fraction -> fraction >= 0.9 && fraction < 1);
    }

    @Test
    void aHardClippedToneIsClippedForMostOfItsLength() {
        Path clipped = MadeMedia.ffmpeg(
                work.resolve("clipped.wav"),
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=48000:duration=2,volume=20",
                "-c:a",
                "pcm_s16le");

        AudioLevels levels = AudioLevelsAnalysis.run(clipped.toString(), 2.0, TIMEOUT, work, null);

        // the sine is 2.5 times full scale: it sits at full scale wherever |sin| > 0.4, 74 % of the time
        assertThat(levels.clipping()).isTrue();
        assertThat(levels.clippedSeconds()).isCloseTo(2.0 * 0.74, within(0.2));
        assertThat(levels.truePeakDbfs()).isGreaterThan(-0.5);
        assertThat(levels.silences()).isEmpty();
    }

    @Test
    void aFloatToneBeyondFullScaleIsClippedToo() {
        Path over = MadeMedia.ffmpeg(
                work.resolve("over.wav"),
                "-f",
                "lavfi",
                "-i",
                "aevalsrc=1.5*sin(2*PI*440*t):s=48000:d=1",
                "-c:a",
                "pcm_f32le");

        AudioLevels levels = AudioLevelsAnalysis.run(over.toString(), 1.0, TIMEOUT, work, null);

        assertThat(levels.clipping()).isTrue();
        assertThat(levels.clippedSeconds()).isBetween(0.3, 1.0);
    }

    @Test
    void silenceHasNoLoudnessAndOneSilentSpan() {
        Path silence = MadeMedia.ffmpeg(
                work.resolve("silence.wav"),
                "-f",
                "lavfi",
                "-i",
                "anullsrc=r=48000:cl=stereo",
                "-t",
                "3",
                "-c:a",
                "pcm_s16le");

        AudioLevels levels = AudioLevelsAnalysis.run(silence.toString(), 3.0, TIMEOUT, work, null);

        assertThat(levels.integratedLufs()).isNull();
        assertThat(levels.loudnessRangeLu()).isNull();
        assertThat(levels.truePeakDbfs()).isNull();
        assertThat(levels.silences()).containsExactly(new Span(0, 3.0));
        assertThat(levels.clipping()).isFalse();
    }

    @Test
    void aVideoWithoutAudioHasNoAudio() {
        Path video = MadeMedia.ffmpeg(
                work.resolve("video.mp4"),
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=320x240:rate=25:duration=1",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast");

        assertThatThrownBy(() -> AudioLevelsAnalysis.run(video.toString(), 1.0, TIMEOUT, work, null))
                .isInstanceOfSatisfying(
                        AnalysisFailure.class,
                        failure -> assertThat(failure.code()).isEqualTo("no_audio"));
    }

    @Test
    void randomBytesAreUnreadableAndTheMessageNamesNoPath() {
        Path noise = MadeMedia.randomBytes(work.resolve("noise.bin"), 200_000);

        assertThatThrownBy(() -> AudioLevelsAnalysis.run(noise.toString(), 1.0, TIMEOUT, work, null))
                .isInstanceOfSatisfying(AnalysisFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo("unreadable_media");
                    assertThat(failure.getMessage())
                            .isIn("Invalid data found when processing input", FfmpegRun.OTHER_FORMAT_MESSAGE)
                            .doesNotContain(work.toString());
                });
    }

    @Test
    void aConcatListIsNotFollowed() throws IOException {
        // ffmpeg alone would read the listed file through its concat demuxer
        Path list = Files.writeString(
                media.resolve("list.txt"), "ffconcat version 1.0\nfile " + toneSilenceTone.getFileName() + "\n");

        assertThatThrownBy(() -> AudioLevelsAnalysis.run(list.toString(), 5.5, TIMEOUT, work, null))
                .isInstanceOfSatisfying(AnalysisFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo("unreadable_media");
                    assertThat(failure.getMessage()).isEqualTo(FfmpegRun.OTHER_FORMAT_MESSAGE);
                });
    }

    @Test
    void runningOutOfTimeStopsTheAnalysis() {
        assertThatThrownBy(() ->
                        AudioLevelsAnalysis.run(toneSilenceTone.toString(), 5.5, Duration.ofMillis(1), work, null))
                .isInstanceOfSatisfying(
                        AnalysisFailure.class,
                        failure -> assertThat(failure.code()).isEqualTo("analysis_timeout"));
    }

    // reading ffmpeg's output, captured from runs of AudioLevelsAnalysis.command

    @Test
    void readsTheEbur128Summary() {
        String stderr = """
                [silencedetect @ 0x557af9ff1600] silence_end: 3.50002 | silence_duration: 1.50002
                video:0kB audio:516kB subtitle:0kB other streams:0kB global headers:0kB muxing overhead: unknown
                [Parsed_astats_6 @ 0x557af9ff1740] Overall
                [Parsed_astats_6 @ 0x557af9ff1740] Peak level dB: -19.999205
                [Parsed_ebur128_2 @ 0x557af9fef680] Summary:

                  Integrated loudness:
                    I:         -23.3 LUFS
                    Threshold: -33.4 LUFS

                  Loudness range:
                    LRA:         1.2 LU
                    Threshold: -45.7 LUFS
                    LRA low:   -26.0 LUFS
                    LRA high:  -24.8 LUFS

                  True peak:
                    Peak:      -20.0 dBFS
                """;

        assertThat(LoudnessSummary.parse(stderr)).contains(new LoudnessSummary(-23.3, 1.2, -20.0));
    }

    @Test
    void readsSilenceInTheSummaryAsNoLoudness() {
        String stderr = """
                [Parsed_ebur128_2 @ 0x557ed628e680] Summary:

                  Integrated loudness:
                    I:         -70.0 LUFS
                    Threshold:   0.0 LUFS

                  Loudness range:
                    LRA:         0.0 LU
                    Threshold:   0.0 LUFS
                    LRA low:     0.0 LUFS
                    LRA high:    0.0 LUFS

                  True peak:
                    Peak:       -inf dBFS
                [Parsed_astats_6 @ 0x557ed6290740] Overall
                [Parsed_astats_6 @ 0x557ed6290740] Peak level dB: -inf
                """;

        assertThat(LoudnessSummary.parse(stderr)).contains(new LoudnessSummary(null, null, null));
        assertThat(LoudnessSummary.parse("Conversion failed!")).isEmpty();
    }

    @Test
    void readsSilencesFromTheFrameLines() {
        AudioFrameLines frames = new AudioFrameLines(5.5, new Progress(null));
        String printed = """
                frame:57   pts:2432000 pts_time:2.432
                lavfi.astats.Overall.Peak_level=-inf
                lavfi.astats.Overall.Flat_factor=-inf
                lavfi.astats.Overall.Peak_count=4096.000000
                lavfi.astats.Overall.Number_of_samples=2048.000000
                frame:58   pts:2474667 pts_time:2.47467
                lavfi.astats.Overall.Peak_level=-inf
                lavfi.astats.Overall.Flat_factor=-inf
                lavfi.astats.Overall.Peak_count=4096.000000
                lavfi.astats.Overall.Number_of_samples=2048.000000
                lavfi.silence_start=2
                frame:82   pts:3498667 pts_time:3.49867
                lavfi.astats.Overall.Peak_level=-19.999205
                lavfi.astats.Overall.Flat_factor=0.000000
                lavfi.astats.Overall.Peak_count=83.000000
                lavfi.astats.Overall.Number_of_samples=2048.000000
                lavfi.silence_end=3.50002
                lavfi.silence_duration=1.50002
                frame:128  pts:5461333 pts_time:5.46133
                lavfi.astats.Overall.Peak_level=-19.999205
                lavfi.astats.Overall.Flat_factor=0.000000
                lavfi.astats.Overall.Peak_count=77.000000
                lavfi.astats.Overall.Number_of_samples=1856.000000
                lavfi.silence_start=5
                """;

        printed.lines().forEach(frames::line);
        frames.finish();

        assertThat(frames.silences()).containsExactly(new Span(2, 3.50002), new Span(5, 5.5));
        assertThat(frames.clipping()).isFalse();
    }

    @Test
    void countsClippedTimeFromTheFrameLines() {
        List<Double> progress = new CopyOnWriteArrayList<>();
        AudioFrameLines frames = new AudioFrameLines(0.128, new Progress(progress::add));
        String printed = """
                frame:0    pts:0       pts_time:0
                lavfi.astats.Overall.Peak_level=0.000265
                lavfi.astats.Overall.Flat_factor=31.973437
                lavfi.astats.Overall.Peak_count=1512.000000
                lavfi.astats.Overall.Number_of_samples=2048.000000
                frame:1    pts:42667   pts_time:0.042667
                lavfi.astats.Overall.Peak_level=-0.05
                lavfi.astats.Overall.Flat_factor=0.000000
                lavfi.astats.Overall.Peak_count=40.000000
                lavfi.astats.Overall.Number_of_samples=2048.000000
                frame:2    pts:85333   pts_time:0.085333
                lavfi.astats.Overall.Peak_level=0.000265
                lavfi.astats.Overall.Flat_factor=32.049111
                lavfi.astats.Overall.Peak_count=1024.000000
                lavfi.astats.Overall.Number_of_samples=2048.000000
                """;

        printed.lines().forEach(frames::line);
        frames.finish();

        // frame 1 peaks near full scale but touches it for single samples: not clipped
        assertThat(frames.clipping()).isTrue();
        assertThat(frames.clippedSeconds()).isCloseTo(0.042667 * 1512 / 2048 + 0.042667 * 0.5, within(0.0001));
        assertThat(progress).isSorted().last().isEqualTo(0.085333 / 0.128);
    }

    @Test
    void levelStepsDoubleWhenTheMediaIsLongerThanSaid() {
        LevelSteps steps = new LevelSteps(0);
        for (int frame = 0; frame < 250; frame++) {
            // a tenth of a second each, twice as loud in amplitude from 10 s on
            double db = frame < 100 ? -26.0206 : -20;
            steps.add(frame / 10.0, db, db, 4800);
        }

        LevelCurve curve = steps.curve();

        assertThat(curve.stepSeconds()).isEqualTo(0.4);
        assertThat(curve.peakDbfs()).hasSize(63).first().isEqualTo(-26.0);
        assertThat(curve.peakDbfs().get(25)).isEqualTo(-20.0);
        assertThat(curve.rmsDbfs().get(62)).isEqualTo(-20.0);
        assertThat(new LevelSteps(60).curve().stepSeconds()).isEqualTo(0.8);
    }

    @Test
    void theFilterGraphPrintsOnStandardOutput() {
        assertThat(AudioLevelsAnalysis.command(AnalysisInput.of("/media/in.wav")))
                .containsSubsequence("-protocol_whitelist", "file", "-format_whitelist")
                .contains("file:/media/in.wav")
                .noneMatch(argument -> argument.equals("/media/in.wav"));
        assertThat(AudioLevelsAnalysis.filterGraph()).contains("ametadata=mode=print:direct=1:file=pipe\\\\\\:1");
    }

    /** Integrated loudness of a file as ffmpeg's ebur128 measures it on its own. */
    private static double integratedLoudnessOf(Path file) {
        String log = MadeMedia.ffmpegLog("-i", file.toString(), "-af", "ebur128=framelog=verbose", "-map", "0:a");
        Matcher integrated = Pattern.compile("Summary:\\s+Integrated loudness:\\s+I:\\s+(-?[0-9.]+) LUFS")
                .matcher(log);
        assertThat(integrated.find()).as("ebur128 summary in %s", log).isTrue();
        return Double.parseDouble(integrated.group(1));
    }
}
