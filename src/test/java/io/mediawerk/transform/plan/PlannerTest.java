package io.mediawerk.transform.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command lines plans are made of, without running them. */
class PlannerTest {

    private static final Path SCRATCH = Path.of("/work/scratch");
    private static final Path OUT = Path.of("/work/out");
    private static final String URL = "https://s3.example/bucket/med_1?X-Amz-Signature=abc";
    private static final InputFacts VIDEO = TransformOptionsTest.VIDEO;

    @Test
    void everyCommandIsQuietReportsProgressAndStripsMetadata() {
        for (String kind : TransformOptions.KINDS) {
            Plan plan = plan(kind, "{}", VIDEO, URL);
            List<String> command = plan.steps().get(0).command();

            assertThat(command.subList(0, 9))
                    .as(kind)
                    .containsExactly(
                            "ffmpeg",
                            "-hide_banner",
                            "-nostdin",
                            "-nostats",
                            "-y",
                            "-v",
                            "error",
                            "-progress",
                            "pipe:1");
            assertThat(String.join(" ", command)).as(kind).contains("-map_metadata -1", "-threads 2");
            assertThat(plan.steps()).extracting(Step::weight).containsExactly(1.0);
        }
    }

    @Test
    void aUrlIsReadWithItsDemuxerTimeoutsAndReconnects() {
        List<String> command = plan("video", "{\"start\":2,\"end\":5}", VIDEO, URL)
                .steps()
                .get(0)
                .command();

        assertThat(String.join(" ", command))
                .contains("-protocol_whitelist https,tls,tcp -rw_timeout 30000000 "
                        + "-reconnect 1 -reconnect_on_network_error 1 -reconnect_delay_max 10 -f mov -ss 2 -t 3 -i "
                        + URL);
    }

    @Test
    void aLocalFileIsReadAsAFileUrl() {
        InputFacts audio = TransformOptionsTest.AUDIO;
        List<String> command = plan("audio", "{}", audio, "relative/concat:a|b.mp3")
                .steps()
                .get(0)
                .command();

        assertThat(String.join(" ", command))
                .contains("-protocol_whitelist file -f mp3 -i file:/")
                .contains("relative/concat:a|b.mp3")
                .doesNotContain("-reconnect");
    }

    @Test
    void heicIsConvertedToPngFirst() {
        InputFacts heic = new InputFacts("image", "heif", null, null, 4032, 3024, null, null);
        Plan plan = plan("image", "{\"format\":\"webp\"}", heic, "/downloads/photo.heic");

        assertThat(Planner.needsLocalInput(heic)).isTrue();
        assertThat(Planner.needsLocalInput(VIDEO)).isFalse();
        assertThat(plan.steps()).hasSize(2);
        assertThat(plan.steps().get(0).command())
                .containsExactly("heif-convert", "--quiet", "/downloads/photo.heic", "/work/scratch/decoded.png");
        assertThat(plan.steps().get(0).mediaSeconds()).isNull();
        assertThat(String.join(" ", plan.steps().get(1).command()))
                .contains("-f image2 -pattern_type glob -i /work/scratch/decoded*.png");
        assertThat(plan.steps()).extracting(Step::weight).containsExactly(0.3, 0.7);
        assertThatThrownBy(() -> plan("image", "{}", heic, URL)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mediaSecondsIsTheOutputsDuration() {
        assertThat(plan("video", "{}", VIDEO, URL).steps().get(0).mediaSeconds())
                .isEqualTo(10.0);
        assertThat(plan("video", "{\"start\":4}", VIDEO, URL).steps().get(0).mediaSeconds())
                .isEqualTo(6.0);
        assertThat(plan("audio", "{\"end\":3.5}", VIDEO, URL).steps().get(0).mediaSeconds())
                .isEqualTo(3.5);
        assertThat(plan("animation", "{\"start\":8}", VIDEO, URL).steps().get(0).mediaSeconds())
                .isEqualTo(2.0);
        assertThat(plan("image", "{}", VIDEO, URL).steps().get(0).mediaSeconds())
                .isNull();
        assertThat(plan("thumbnails", "{}", VIDEO, URL).steps().get(0).mediaSeconds())
                .isNull();
    }

    @Test
    void readsOptionsBackWhateverTheirNumberTypes() {
        TransformSpec spec = new TransformSpec(
                "video",
                Map.of(
                        "format", "mp4", "codec", "h264", "width", 640L, "fit", "contain", "quality", 100.0, "fps", 12,
                        "start", 1L, "audio", true));
        String command = String.join(
                " ", Planner.plan(spec, VIDEO, URL, SCRATCH, OUT).steps().get(0).command());

        assertThat(command).contains("-vf fps=12,scale=640:360,setsar=1", "-crf 16", "-ss 1 ");
    }

    @Test
    void encodersAndQuality() {
        assertThat(command("video", "{\"quality\":1}"))
                .contains(
                        "-c:v libx264 -preset veryfast -crf 40",
                        "-pix_fmt yuv420p",
                        "-c:a aac -b:a 128k",
                        "-movflags +faststart",
                        "-f mp4 /work/out/video.mp4");
        assertThat(command("video", "{\"format\":\"mov\",\"codec\":\"h265\"}"))
                .contains("-c:v libx265", "-crf 27", "-tag:v hvc1", "log-level=error", "-f mov /work/out/video.mov");
        assertThat(command("video", "{\"format\":\"webm\",\"quality\":100}"))
                .contains("-c:v libvpx-vp9 -crf 15 " + "-b:v 0", "-c:a libopus -b:a 96k")
                .doesNotContain("faststart");
        assertThat(command("video", "{\"codec\":\"av1\",\"quality\":1}"))
                .contains("-c:v libsvtav1 -preset 8 " + "-crf 55");
        assertThat(command("video", "{\"audio\":false,\"fps\":60}"))
                .contains("-an")
                .doesNotContain("0:a:0", "fps=");
        assertThat(command("image", "{\"quality\":100}")).contains("-c:v mjpeg -q:v 2");
        assertThat(command("image", "{\"format\":\"webp\",\"quality\":55}")).contains("-c:v libwebp -quality 55");
        assertThat(command("image", "{\"format\":\"avif\",\"quality\":1}"))
                .contains("-c:v libaom-av1 " + "-still-picture 1 -crf 60");
        assertThat(command("audio", "{\"format\":\"opus\",\"bitrate\":64000}"))
                .contains("-c:a libopus -b:a 64000", "-f opus /work/out/audio.opus");
        assertThat(command("audio", "{\"format\":\"aac\"}")).contains("-f adts /work/out/audio.aac");
        assertThat(command("audio", "{\"format\":\"m4a\"}")).contains("-movflags +faststart -f ipod");
    }

    @Test
    void anHlsLadderThatCannotBeCopiedStartsWithItsLowestRungThenEncodesTheRestInOnePass() {
        TransformSpec spec = new TransformSpec("video", Map.of("format", "hls"));
        HlsPlan.Start start = HlsPlan.start(
                spec, VIDEO, URL, Path.of("/work/out"), 2, new CopyGate.Decision(false, false, "the video is vp9"));
        assertThat(start.rung()).isEqualTo(new HlsPlan.Rung("v3", 640, 360, 800_000, false));
        assertThat(start.left()).extracting(HlsPlan.Rung::height).containsExactly(1080, 720, 480);
        assertThat(String.join(" ", start.step().command()))
                .contains(
                        "[0:v]scale=640:360,setsar=1[v0]",
                        "-preset superfast",
                        "-force_key_frames expr:gte(t,n_forced*4)",
                        "-maxrate 800k -bufsize 1600k",
                        "-fps_mode passthrough",
                        "-hls_segment_filename /work/out/v3/seg_%03d.ts /work/out/v3/index.m3u8");

        String rest = String.join(
                " ",
                HlsPlan.rest(spec, VIDEO, URL, Path.of("/work/out"), 2, start.left(), null)
                        .command());
        assertThat(rest)
                .contains(
                        "[0:v]split=3[s0][s1][s2];[s0]scale=1920:1080,setsar=1[v0];"
                                + "[s1]scale=1280:720,setsar=1[v1];[s2]scale=854:480,setsar=1[v2]",
                        "-preset veryfast",
                        "-maxrate 5000k -bufsize 10000k",
                        "/work/out/v0/index.m3u8",
                        "/work/out/v2/index.m3u8")
                .doesNotContain("superfast", "var_stream_map", "master_pl_name");
        assertThat(start.step().weight()
                        + HlsPlan.rest(spec, VIDEO, URL, Path.of("/work/out"), 2, start.left(), null)
                                .weight())
                .isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aCopiedLadderCopiesItsTopRungAndCutsTheOthersAtTheCopysKeyframes() {
        TransformSpec spec = new TransformSpec("video", Map.of("format", "hls"));
        HlsPlan.Start start =
                HlsPlan.start(spec, VIDEO, URL, Path.of("/work/out"), 2, new CopyGate.Decision(true, true, null));
        assertThat(start.rung().copy()).isTrue();
        assertThat(start.rung().height()).isEqualTo(1080);
        assertThat(String.join(" ", start.step().command()))
                .contains("-map 0:v:0 -map 0:a:0 -c:v copy -c:a copy", "/work/out/v0/index.m3u8")
                .doesNotContain("libx264");
        assertThat(start.left()).extracting(HlsPlan.Rung::folder).containsExactly("v1", "v2", "v3");
        String rest = String.join(
                " ",
                HlsPlan.rest(spec, VIDEO, URL, Path.of("/work/out"), 2, start.left(), List.of(4.2, 8.4))
                        .command());
        // a millisecond before each cut: three decimals never round a cut past its frame
        assertThat(rest).contains("-force_key_frames 4.199,8.399", "-sc_threshold 0 -g 1000", "-preset veryfast");
    }

    @Test
    void thumbnailsTrackPointsIntoTheSprite() {
        InputFacts video = new InputFacts("video", "mp4", "h264", null, 640, 360, 25.0, 25.0);
        Plan plan = plan("thumbnails", "{\"count\":12,\"width\":100}", video, URL);

        assertThat(String.join(" ", plan.steps().get(0).command()))
                .contains(
                        "fps=fps=1/2.083333:round=up,scale=100:56,setsar=1,tile=10x2",
                        "-frames:v 1",
                        "/work/out/sprite.jpg");
        String vtt = plan.output().textFiles().get("thumbnails.vtt");
        assertThat(vtt)
                .startsWith("WEBVTT\n\n00:00:00.000 --> 00:00:02.083\nsprite.jpg#xywh=0,0,100,56\n\n")
                .contains("00:00:20.833 --> 00:00:22.917\nsprite.jpg#xywh=0,56,100,56\n")
                .endsWith("00:00:22.917 --> 00:00:25.000\nsprite.jpg#xywh=100,56,100,56\n");
        assertThat((double) plan.output().metadata().get("interval")).isCloseTo(2.083, within(0.001));
    }

    @Test
    void imageCommandsMeasureThePictureThemselves() {
        assertThat(command("image", "{\"width\":\"50%\"}")).contains("scale=w='max(1,iw*0.5)':h='max(1,ih*0.5)'");
        assertThat(command("image", "{\"width\":300,\"height\":300,\"fit\":\"cover\",\"position\":\"bottom-right\"}"))
                .contains("scale=300:300:force_original_aspect_ratio=increase,crop=w='300':h='300':x='iw-ow':"
                        + "y='ih-oh':exact=1");
        InputFacts png = new InputFacts("image", "png", null, null, 64, 48, null, null);
        assertThat(String.join(" ", plan("image", "{}", png, URL).steps().get(0).command()))
                .contains("color=c=0xffffff[bg];[bg][fg]scale2ref");
        assertThat(String.join(
                        " ",
                        plan("image", "{\"format\":\"png\"}", png, URL)
                                .steps()
                                .get(0)
                                .command()))
                .doesNotContain("color=");
    }

    private static String command(String kind, String options) {
        return String.join(" ", plan(kind, options, VIDEO, URL).steps().get(0).command());
    }

    private static Plan plan(String kind, String options, InputFacts facts, String input) {
        TransformSpec spec = TransformOptions.validate(kind, TransformOptionsTest.json(options), facts);
        return Planner.plan(spec, facts, input, SCRATCH, OUT);
    }
}
