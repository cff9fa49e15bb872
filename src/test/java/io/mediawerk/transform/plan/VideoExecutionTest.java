package io.mediawerk.transform.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs video plans with ffmpeg on small generated inputs and checks what ffprobe finds in the results. */
class VideoExecutionTest {

    @TempDir
    Path temp;

    @Test
    void mp4H264ScaledByWidthKeepsTheAspectRatio() {
        Transforms.Done done = Transforms.run("video", "{\"width\":160}", Samples.clip(), temp);
        Probed probed = done.probe();

        assertThat(done.plan().output()).isEqualTo(Output.single("video.mp4", "video", "mp4", "video/mp4", "mp4"));
        assertThat(probed.formatName()).contains("mp4");
        assertThat(probed.videoCodec()).isEqualTo("h264");
        assertThat(probed.video().path("pix_fmt").asText()).isEqualTo("yuv420p");
        assertThat(probed.size()).isEqualTo("160x120");
        assertThat(probed.audioCodec()).isEqualTo("aac");
        assertThat(probed.duration()).isCloseTo(2.0, within(0.3));
        assertThat(done.lastProgressSeconds())
                .isCloseTo(done.plan().steps().get(0).mediaSeconds(), within(0.3));
    }

    @Test
    void webmIsVp9WithOpus() {
        Transforms.Done done = Transforms.run("video", "{\"format\":\"webm\"}", Samples.shortClip(), temp);
        Probed probed = done.probe();

        assertThat(probed.formatName()).contains("webm");
        assertThat(probed.videoCodec()).isEqualTo("vp9");
        assertThat(probed.audioCodec()).isEqualTo("opus");
        assertThat(probed.size()).isEqualTo("320x240");
        assertThat(probed.duration()).isCloseTo(1.0, within(0.3));
        assertThat(done.plan().output().mimeType()).isEqualTo("video/webm");
    }

    @Test
    void movH265CoverFillsTheBoxExactly() {
        Transforms.Done done = Transforms.run(
                "video",
                "{\"format\":\"mov\",\"codec\":\"h265\",\"width\":200," + "\"height\":200,\"fit\":\"cover\"}",
                Samples.shortClip(),
                temp);
        Probed probed = done.probe();

        assertThat(probed.formatName()).contains("mov");
        assertThat(probed.videoCodec()).isEqualTo("hevc");
        assertThat(probed.video().path("codec_tag_string").asText()).isEqualTo("hvc1");
        assertThat(probed.size()).isEqualTo("200x200");
        assertThat(done.plan().output().mimeType()).isEqualTo("video/quicktime");
    }

    @Test
    void av1InMp4() {
        Transforms.Done done = Transforms.run("video", "{\"codec\":\"av1\",\"quality\":40}", Samples.shortClip(), temp);
        Probed probed = done.probe();

        assertThat(probed.videoCodec()).isEqualTo("av1");
        assertThat(probed.size()).isEqualTo("320x240");
        assertThat(probed.audioCodec()).isEqualTo("aac");
    }

    @Test
    void trimsToStartAndEnd() {
        Transforms.Done done =
                Transforms.run("video", "{\"start\":0.5,\"end\":1.5,\"height\":\"50%\"}", Samples.clip(), temp);
        Probed probed = done.probe();

        assertThat(done.plan().steps().get(0).mediaSeconds()).isEqualTo(1.0);
        assertThat(probed.duration()).isCloseTo(1.0, within(0.3));
        assertThat(probed.size()).isEqualTo("160x120");
    }

    @Test
    void audioFalseLeavesTheTrackOutAndFpsLowersTheRate() {
        Transforms.Done done = Transforms.run("video", "{\"audio\":false,\"fps\":10}", Samples.shortClip(), temp);
        Probed probed = done.probe();

        assertThat(probed.hasAudio()).isFalse();
        assertThat(probed.video().path("r_frame_rate").asText()).isEqualTo("10/1");
    }

    @Test
    void aSilentInputMakesASilentOutput() {
        Transforms.Done done = Transforms.run("video", "{}", Samples.silentClip(), temp);

        assertThat(done.probe().hasAudio()).isFalse();
        assertThat(done.probe().videoCodec()).isEqualTo("h264");
    }

    @Test
    void aRotatedVideoIsScaledAsItIsShown() {
        Transforms.Done done = Transforms.run("video", "{\"width\":120}", Samples.rotatedClip(), temp);
        Probed probed = done.probe();

        assertThat(probed.size()).isEqualTo("120x160");
        assertThat(probed.video().path("side_data_list").toString()).doesNotContain("rotation");
    }

    @Test
    void readsAnInputOverHttpWithRanges() throws Exception {
        Samples.Sample clip = Samples.clip();
        try (RangeServer server = new RangeServer(clip.file().getParent())) {
            String url = server.url(clip.file().getFileName().toString());
            Transforms.Done done = Transforms.run("video", "{\"start\":1,\"width\":80}", url, clip.facts(), temp);

            assertThat(done.plan().steps().get(0).command()).contains("-reconnect", "-rw_timeout", url);
            assertThat(done.probe().size()).isEqualTo("80x60");
            assertThat(done.probe().duration()).isCloseTo(1.0, within(0.3));
        }
    }
}
