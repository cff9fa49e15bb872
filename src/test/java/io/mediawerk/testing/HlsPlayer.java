package io.mediawerk.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Plays an HLS stream the way a player does, through the real delivery: the master, every variant, every segment;
 * decodes the first and last segment of each variant with ffmpeg and measures what a player would show.
 */
public final class HlsPlayer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double FRAME = 1 / 25.0;

    /**
     * One variant as played.
     *
     * @param segmentSeconds each segment's duration as its playlist says
     * @param segmentStarts each segment's first video timestamp, as its bytes say
     * @param videoSeconds from the first video frame to the end of the last, over all segments
     * @param audioSeconds the same for the audio, or null without audio
     */
    public record Variant(
            String uri,
            String streamInfo,
            int width,
            int height,
            List<Double> segmentSeconds,
            List<Double> segmentStarts,
            double videoSeconds,
            Double audioSeconds) {

        public double seconds() {
            return segmentSeconds.stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    private HlsPlayer() {}

    /**
     * Every variant of a 25 fps stream lasts as long as the input within a frame, cuts its segments where the others
     * do, keeps its timestamps continuous from segment to segment, and its audio and video agree within 50 ms.
     */
    public static void assertPlaysLike(List<HlsPlayer.Variant> variants, double seconds) {
        HlsPlayer.Variant first = variants.get(0);
        for (HlsPlayer.Variant variant : variants) {
            assertThat(variant.seconds()).as(variant.uri()).isCloseTo(seconds, within(FRAME + 0.001));
            assertThat(variant.videoSeconds()).as(variant.uri()).isCloseTo(seconds, within(FRAME + 0.001));
            if (variant.audioSeconds() != null) {
                assertThat(variant.audioSeconds()).as(variant.uri()).isCloseTo(variant.videoSeconds(), within(0.05));
            }
            assertThat(variant.segmentSeconds()).as(variant.uri()).hasSameSizeAs(first.segmentSeconds());
            for (int i = 0; i < variant.segmentSeconds().size(); i++) {
                assertThat(variant.segmentSeconds().get(i))
                        .as(variant.uri() + " segment " + i)
                        .isCloseTo(first.segmentSeconds().get(i), within(FRAME));
                assertThat(variant.segmentStarts().get(i))
                        .as(variant.uri() + " segment " + i + " starts where the others' do")
                        .isCloseTo(first.segmentStarts().get(i), within(FRAME));
                if (i > 0) {
                    assertThat(variant.segmentStarts().get(i))
                            .as(variant.uri() + " segment " + i + " follows the one before")
                            .isCloseTo(
                                    variant.segmentStarts().get(i - 1)
                                            + variant.segmentSeconds().get(i - 1),
                                    within(FRAME));
                }
            }
        }
    }

    public static List<Variant> play(String masterUrl, Path dir) {
        String master = given().get(masterUrl)
                .then()
                .statusCode(200)
                .header("Content-Type", "application/vnd.apple.mpegurl")
                .extract()
                .asString();
        List<Variant> variants = new ArrayList<>();
        String info = null;
        for (String line : master.split("\n")) {
            if (line.startsWith("#EXT-X-STREAM-INF:")) {
                info = line;
            } else if (!line.isBlank() && !line.startsWith("#")) {
                assertThat(info)
                        .as("the variant " + line + " has its #EXT-X-STREAM-INF")
                        .isNotNull();
                assertThat(line).doesNotStartWith("/").doesNotContain("://");
                variants.add(
                        variant(URI.create(masterUrl).resolve(line), line, info, dir.resolve("v" + variants.size())));
                info = null;
            }
        }
        assertThat(variants).as("variants of " + masterUrl).isNotEmpty();
        return variants;
    }

    private static Variant variant(URI url, String uri, String info, Path dir) {
        String playlist =
                given().get(url.toString()).then().statusCode(200).extract().asString();
        assertThat(playlist).contains("#EXT-X-PLAYLIST-TYPE:VOD").contains("#EXT-X-ENDLIST");
        try {
            Files.createDirectories(dir);
            // fragmented MP4: each segment is read after the init file named by #EXT-X-MAP, as a player reads it
            byte[] init = new byte[0];
            Path all = dir.resolve("all.ts");
            List<Double> seconds = new ArrayList<>();
            List<Double> starts = new ArrayList<>();
            List<Path> segments = new ArrayList<>();
            Double pending = null;
            for (String line : playlist.split("\n")) {
                if (line.startsWith("#EXT-X-MAP:URI=\"")) {
                    init = fetch(url.resolve(line.substring(16, line.indexOf('"', 16))));
                    all = dir.resolve("all.mp4");
                    Files.write(all, init);
                } else if (line.startsWith("#EXTINF:")) {
                    pending = Double.parseDouble(line.substring(8, line.indexOf(',')));
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    byte[] bytes = fetch(url.resolve(line));
                    Path segment = dir.resolve(init.length == 0 ? line : line + ".mp4");
                    Files.write(segment, init);
                    Files.write(segment, bytes, StandardOpenOption.APPEND);
                    Files.write(all, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    segments.add(segment);
                    seconds.add(pending);
                    starts.add(videoStart(segment));
                }
            }
            decodes(segments.get(0));
            decodes(segments.get(segments.size() - 1));
            JsonNode video = Probe.stream(Probe.of(segments.get(0).toString()), "video");
            return new Variant(
                    uri,
                    info,
                    video.path("width").asInt(),
                    video.path("height").asInt(),
                    seconds,
                    starts,
                    span(all, "v"),
                    Probe.stream(Probe.of(all.toString()), "audio") == null ? null : span(all, "a"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] fetch(URI url) {
        return given().get(url.toString()).then().statusCode(200).extract().asByteArray();
    }

    private static double videoStart(Path segment) {
        return Probe.stream(Probe.of(segment.toString()), "video")
                .path("start_time")
                .asDouble();
    }

    /** ffmpeg decodes the whole segment without an error (run() fails the test otherwise). */
    private static void decodes(Path segment) {
        run(List.of("ffmpeg", "-v", "error", "-xerror", "-i", segment.toString(), "-f", "null", "-"));
    }

    /** From the first packet's timestamp to the end of the last packet of one stream type ("v" or "a"). */
    private static double span(Path file, String type) {
        JsonNode packets = run(List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-select_streams",
                        type + ":0",
                        "-show_entries",
                        "packet=pts_time,duration_time",
                        "-print_format",
                        "json",
                        file.toString()))
                .path("packets");
        double first = Double.MAX_VALUE;
        double end = 0;
        for (JsonNode packet : packets) {
            double pts = packet.path("pts_time").asDouble();
            first = Math.min(first, pts);
            end = Math.max(end, pts + packet.path("duration_time").asDouble());
        }
        return end - first;
    }

    private static JsonNode run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !err.isBlank()) {
                throw new AssertionError(command.get(0) + " failed on " + command.get(command.size() - 1) + ": " + err);
            }
            return out.length == 0 ? JSON.createObjectNode() : JSON.readTree(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
