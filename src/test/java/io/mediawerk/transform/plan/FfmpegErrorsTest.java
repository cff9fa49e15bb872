package io.mediawerk.transform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What users read when ffmpeg fails: from real stderr of plans run on broken inputs, and of encoders refusing. */
class FfmpegErrorsTest {

    @TempDir
    Path temp;

    @Test
    void aTruncatedMp4() throws IOException {
        byte[] clip = Files.readAllBytes(Samples.clip().file());
        Path truncated = Files.write(temp.resolve("truncated.mp4"), Arrays.copyOf(clip, clip.length / 3));

        String stderr = failingRun("video", truncated.toString(), Samples.clip().facts());

        assertThat(stderr).contains(temp.toString());
        assertThat(FfmpegErrors.relevantLine(stderr)).isEqualTo("moov atom not found");
    }

    @Test
    void aFileThatIsNotWhatItWasTakenFor() throws IOException {
        Path png = Files.copy(Samples.transparentPng().file(), temp.resolve("photo.jpg"));

        String stderr = failingRun("image", png.toString(), Samples.jpeg().facts());

        assertThat(FfmpegErrors.relevantLine(stderr)).isEqualTo("Invalid data found when processing input");
    }

    @Test
    void aMissingFileNamesNoPath() {
        String stderr = failingRun(
                "audio", temp.resolve("gone.wav").toString(), Samples.tone().facts());

        assertThat(FfmpegErrors.relevantLine(stderr)).isEqualTo("No such file or directory");
    }

    @Test
    void aFailedDownloadNeverShowsThePresignedUrl() throws IOException {
        try (RangeServer server = new RangeServer(temp)) {
            String stderr = failingRun(
                    "video", server.url("missing.mp4"), Samples.clip().facts());

            assertThat(stderr).contains("X-Amz-Signature");
            assertThat(FfmpegErrors.relevantLine(stderr)).isEqualTo("Server returned 404 Not Found");
        }
    }

    @Test
    void anAnimatedWebpSaysSo() {
        String stderr = failingRun(
                "image", Samples.animatedWebp().path(), Samples.animatedWebp().facts());

        assertThat(FfmpegErrors.relevantLine(stderr)).contains("animated WebP");
    }

    @Test
    void anEncoderThatRefusesTheSize() {
        String svt = """
                Svt[info]: -------------------------------------------
                Svt[info]: SVT [version]:\tSVT-AV1 Encoder Lib v1.4.1
                Svt[error]: Instance 1: Source Width must be at least 64
                Svt[error]: Instance 1: Source Height must be at least 64
                [libsvtav1 @ 0x556a66c96340] Error setting encoder parameters: bad parameter (0x80001005)
                Error initializing output stream 0:0 -- Error while opening encoder for output stream #0:0 - maybe \
                incorrect parameters such as bit_rate, rate, width or height
                """;
        String x265 = """
                [libx265 @ 0x55fdd588fdc0] Image size is too small (8x8).
                Error initializing output stream 0:0 -- Error while opening encoder for output stream #0:0 - maybe \
                incorrect parameters such as bit_rate, rate, width or height
                """;

        assertThat(FfmpegErrors.relevantLine(svt)).isEqualTo("Source Width must be at least 64");
        assertThat(FfmpegErrors.relevantLine(x265)).isEqualTo("Image size is too small (8x8).");
    }

    @Test
    void replacesEveryLocation() {
        assertThat(FfmpegErrors.relevantLine("[tcp @ 0x55e9423856c0] Connection to tcp://10.0.0.7:9000 failed: "
                        + "Connection refused\nhttps://s3.example/b/k?X-Amz-Signature=abc: Connection refused\n"))
                .isEqualTo("Connection to input failed: Connection refused");
        assertThat(FfmpegErrors.relevantLine(
                        "/var/lib/mediawerk/out/video.mp4: No space left on device\n" + "Conversion failed!\n"))
                .isEqualTo("output: No space left on device");
        assertThat(FfmpegErrors.relevantLine("Error opening input file file:/tmp/in put.mov.\n"))
                .doesNotContain("/tmp");
    }

    @Test
    void fallsBackToAShortSentence() {
        assertThat(FfmpegErrors.relevantLine(null)).isEqualTo(FfmpegErrors.FALLBACK);
        assertThat(FfmpegErrors.relevantLine("\n \nprogress=end\nout_time_us=100\n"))
                .isEqualTo(FfmpegErrors.FALLBACK);
        assertThat(FfmpegErrors.relevantLine("Conversion failed!\n")).isEqualTo("Conversion failed!");
        assertThat(FfmpegErrors.relevantLine("[h264 @ 0x1] " + "x".repeat(500)))
                .hasSize(200)
                .endsWith("…");
    }

    /** Plans {@code kind} with default options on the input, runs it and returns what ffmpeg wrote on stderr. */
    private String failingRun(String kind, String input, InputFacts facts) {
        try {
            Path output = Files.createDirectories(temp.resolve("output"));
            Plan plan = Planner.plan(
                    TransformOptions.validate(kind, null, facts),
                    facts,
                    input,
                    Files.createDirectories(temp.resolve("scratch")),
                    output);
            Programs.Result result = Programs.run(plan.steps().get(0).command(), temp.resolve("logs"));
            assertThat(result.exitCode()).isNotZero();
            return result.stderr();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
