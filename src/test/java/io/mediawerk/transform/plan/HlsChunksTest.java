package io.mediawerk.transform.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chunks of a long ladder: where the input is cut, and that joined chunks are the segments one pass makes. */
class HlsChunksTest {

    private static final TransformSpec HLS = new TransformSpec("video", Map.of("format", "hls"));

    @TempDir
    Path temp;

    @Test
    void chunksStartAtCutsAsEvenlyAsTheCutsAllow() {
        List<Double> cuts = HlsChunks.cuts(null, 30);
        assertThat(cuts).containsExactly(4.0, 8.0, 12.0, 16.0, 20.0, 24.0, 28.0);

        List<HlsChunks.Span> spans = HlsChunks.split(cuts, 30, 8);

        // each chunk starts a millisecond before its cut, so that the cut's frame is its first
        assertThat(spans).extracting(HlsChunks.Span::start).containsExactly(0.0, 7.999, 15.999, 23.999);
        assertThat(spans).extracting(HlsChunks.Span::length).containsExactly(7.999, 8.0, 8.0, 7.001);
        assertThat(spans.get(0).keyframes()).containsExactly(4.0);
        assertThat(spans.get(1).keyframes()).containsExactly(12.0);
        assertThat(HlsChunks.split(List.of(2.5, 9.0), 10, 4))
                .extracting(HlsChunks.Span::start)
                .containsExactly(0.0, 2.499, 8.999);
    }

    @Test
    void onlyLongWholeH264LaddersAreChunked() {
        InputFacts minute = Samples.video("mp4", 1280, 720, 60.0, true);
        assertThat(HlsChunks.applies(HLS, minute, 30)).isTrue();
        assertThat(HlsChunks.applies(HLS, minute, 120)).isFalse();
        assertThat(HlsChunks.applies(new TransformSpec("video", Map.of("format", "hls", "start", 5)), minute, 30))
                .isFalse();
        assertThat(HlsChunks.applies(new TransformSpec("video", Map.of("format", "hls", "fps", 24)), minute, 30))
                .isFalse();
        assertThat(HlsChunks.applies(new TransformSpec("video", Map.of("format", "hls", "codec", "h265")), minute, 30))
                .isFalse();
    }

    @Test
    void joinedChunksAreTheSegmentsOfOnePassWithTheSameTimestamps() throws IOException {
        Path input = temp.resolve("bframes.mp4");
        Programs.runOrFail(
                List.of(
                        "ffmpeg",
                        "-v",
                        "error",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=size=640x360:rate=25:duration=13",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=440:sample_rate=48000:duration=13",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "ultrafast",
                        "-bf",
                        "3",
                        "-g",
                        "50",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "aac",
                        "-shortest",
                        input.toString()),
                temp);
        InputFacts facts = Samples.video("mp4", 640, 360, 13.0, true);
        List<HlsPlan.Rung> rungs =
                HlsPlan.ladder(new Settings(HLS.options()), facts, true).subList(1, 2);
        Path single = Files.createDirectories(temp.resolve("single"));
        Files.createDirectories(single.resolve(rungs.get(0).folder()));
        Programs.runOrFail(
                HlsPlan.rest(HLS, facts, input.toString(), single, 2, rungs, null)
                        .command(),
                temp);

        Path chunked = Files.createDirectories(temp.resolve("chunked"));
        List<HlsChunks.Span> spans = HlsChunks.split(HlsChunks.cuts(null, 13), 13, 5);
        assertThat(spans).hasSize(3);
        List<Path> parts = new ArrayList<>();
        for (HlsChunks.Span span : spans) {
            Path dir = Files.createDirectories(chunked.resolve("chunk" + span.position()));
            Programs.runOrFail(
                    HlsPlan.chunk(HLS, facts, input.toString(), dir, 2, rungs, span)
                            .command(),
                    temp);
            parts.add(dir.resolve(HlsChunks.chunkFile(rungs.get(0))));
        }
        Programs.runOrFail(HlsChunks.audio(facts, input.toString(), chunked).command(), temp);
        Files.createDirectories(chunked.resolve(rungs.get(0).folder()));
        Programs.runOrFail(
                HlsChunks.join(rungs.get(0), parts, chunked.resolve("audio.ts"), chunked, 13)
                        .command(),
                temp);

        HlsExecutionTest.assertEveryPlaylistIsRelativeAndComplete(chunked);
        Path onePass = single.resolve(rungs.get(0).folder());
        Path joined = chunked.resolve(rungs.get(0).folder());
        MediaPlaylist expected = MediaPlaylist.parse(Files.readString(onePass.resolve("index.m3u8")));
        MediaPlaylist actual = MediaPlaylist.parse(Files.readString(joined.resolve("index.m3u8")));
        assertThat(actual.segments()).hasSameSizeAs(expected.segments());
        for (int i = 0; i < expected.segments().size(); i++) {
            MediaPlaylist.Segment segment = expected.segments().get(i);
            assertThat(actual.segments().get(i).seconds())
                    .as("segment " + i)
                    .isCloseTo(segment.seconds(), within(1e-3));
            Probed want = Probed.of(onePass.resolve(segment.uri()), temp);
            Probed got = Probed.of(joined.resolve(segment.uri()), temp);
            for (String type : List.of("video", "audio")) {
                assertThat(startOf(got, type))
                        .as(type + " of segment " + i + " starts where one pass starts it")
                        .isCloseTo(startOf(want, type), within(1e-3));
            }
        }
    }

    private static double startOf(Probed probed, String type) {
        return probed.streams().stream()
                .filter(stream -> type.equals(stream.path("codec_type").asText()))
                .findFirst()
                .orElseThrow()
                .path("start_time")
                .asDouble();
    }
}
