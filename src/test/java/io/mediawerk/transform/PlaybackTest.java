package io.mediawerk.transform;

import static io.mediawerk.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.mediawerk.testing.Api;
import io.mediawerk.testing.Db;
import io.mediawerk.testing.HlsPlayer;
import io.mediawerk.testing.Probe;
import io.mediawerk.testing.TestMedia;
import io.mediawerk.testing.Transforms;
import io.mediawerk.testing.WebhookReceiver;
import io.mediawerk.testing.WebhookReceiver.Answer;
import io.mediawerk.transform.chunk.ChunkLedger;
import io.mediawerk.transform.chunk.LadderChunk;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming-first video through the real stack: a playback stream on its own, a copy first when the input allows,
 * the lowest rung first when it does not; every output played the way a player plays it.
 */
@Tag("stack")
@QuarkusTest
class PlaybackTest {

    static final WebhookReceiver receiver = new WebhookReceiver();
    static Api.TestProject auto;
    static Api.TestProject manual;

    @TempDir
    Path temp;

    @Inject
    ChunkLedger ledger;

    @BeforeEach
    void projects() {
        if (auto == null) {
            auto = Api.newProject("Automatic playback");
            Api.admin()
                    .body(Map.of("playback", Map.of("auto", true)))
                    .patch("/projects/" + auto.id())
                    .then()
                    .statusCode(200)
                    .body("data.playback.auto", equalTo(true));
            as(auto.key())
                    .body(Map.of(
                            "url",
                            receiver.url("/events", Answer.ok()),
                            "events",
                            List.of("media.playable", "source.created", "source.updated", "transform.completed")))
                    .post("/webhooks")
                    .then()
                    .statusCode(201);
            manual = Api.newProject("Playback on request");
        }
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @Test
    void aReadyVideoGetsAPlaybackStreamThatStartsAsACopyAndGrowsIntoALadder() {
        String mediaId = upload(auto, withBFrames());
        Response media = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> as(auto.key()).get("/media/" + mediaId),
                        found -> found.path("data.playback_url") != null && playbackReady(found));
        String url = media.path("data.playback_url");
        assertThat(url).endsWith("/master.m3u8");
        Map<String, Object> source = playbackSource(media);
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) source.get("metadata");
        assertThat(metadata).containsEntry("fast_start", "copy");
        assertThat((List<?>) metadata.get("renditions"))
                .hasSize(2)
                .allSatisfy(rung -> assertThat(((Map<?, ?>) rung).get("status")).isEqualTo("ready"));

        List<HlsPlayer.Variant> variants = HlsPlayer.play(url, temp);
        assertThat(variants).extracting(HlsPlayer.Variant::height).containsExactly(360, 240);
        HlsPlayer.assertPlaysLike(variants, 6.0);
        assertThat(variants.get(0).streamInfo()).contains("CODECS=\"avc1.", "mp4a.40.2", "FRAME-RATE=25.000");

        List<String> types = receiver.at("/events").stream()
                .filter(event -> event.event().toString().contains(mediaId))
                .map(WebhookReceiver.Received::type)
                .toList();
        assertThat(types).contains("media.playable", "source.created", "source.updated", "transform.completed");
        assertThat(types.indexOf("media.playable")).isLessThan(types.indexOf("transform.completed"));

        as(auto.key())
                .body(Map.of("private_delivery", true, "metadata", Map.of("shelf", 3, "tags", List.of("a", "b"))))
                .patch("/media/" + mediaId)
                .then()
                .statusCode(200);
        assertReadLikeTheList(mediaId);
    }

    /** GET /media/{id} reads rows on the pooled client; the list maps Hibernate entities: both must show the same. */
    private static void assertReadLikeTheList(String mediaId) {
        Map<String, Object> read =
                as(auto.key()).get("/media/" + mediaId).jsonPath().getMap("data");
        List<Map<String, Object>> listed =
                as(auto.key()).get("/media?limit=100").jsonPath().getList("data");
        assertThat(read.get("playback_url").toString()).contains("/signed/");
        assertThat(listed).filteredOn(media -> mediaId.equals(media.get("id"))).containsExactly(read);
    }

    @Test
    void aLongVideoIsEncodedInChunksJoinedWithoutAGap() {
        Path file = TestMedia.custom(
                "long-bframes.mp4",
                "-f lavfi -i testsrc2=size=640x360:rate=25:duration=26"
                        + " -f lavfi -i sine=frequency=440:sample_rate=48000:duration=26 -c:v libx264 -preset"
                        + " ultrafast -bf 3 -g 50 -pix_fmt yuv420p -c:a aac -b:a 64k -shortest");
        Response done = hls(file);

        assertThat(done.<String>path("data.output.metadata.fast_start")).isEqualTo("copy");
        String taskId = done.path("data.id");
        List<LadderChunk> chunks = Db.inSession(() -> ledger.of(taskId, 1));
        // 26 s in chunks of about 8 s, each encoded once and counted
        assertThat(chunks).hasSize(4).allSatisfy(chunk -> {
            assertThat(chunk.status).isEqualTo("completed");
            assertThat(chunk.encodedBy).isNotNull();
        });
        List<HlsPlayer.Variant> variants = HlsPlayer.play(done.path("data.output.url"), temp);
        assertThat(variants).extracting(HlsPlayer.Variant::height).containsExactly(360, 240);
        HlsPlayer.assertPlaysLike(variants, secondsOf(file));
    }

    @Test
    void projectsChooseWhetherTheirVideosGetPlayback() {
        String mediaId = upload(manual, TestMedia.video(320, 240, 2));
        as(manual.key()).get("/media/" + mediaId).then().statusCode(200).body("data.playback_url", nullValue());
        Api.admin().get("/projects/" + manual.id()).then().body("data.playback.auto", equalTo(false));
        Api.admin()
                .body("{\"playback\": {\"auto\": \"yes\"}}")
                .patch("/projects/" + manual.id())
                .then()
                .statusCode(400)
                .body("error.param", equalTo("playback.auto"));
        Api.admin()
                .body("{\"playback\": {\"auto\": true, \"speed\": 2}}")
                .patch("/projects/" + manual.id())
                .then()
                .statusCode(400)
                .body("error.code", equalTo("unknown_field"))
                .body("error.param", equalTo("playback.speed"));
        Api.admin()
                .body("{\"playback\": {}}")
                .patch("/projects/" + manual.id())
                .then()
                .statusCode(400);
    }

    @Test
    void inputsThatCannotBeCopiedAreEncodedLowestRungFirst() {
        Map<String, Path> refused = Map.of(
                "rotated", rotated(),
                "High 10", tenBit(),
                "more than 10 s apart", sparseKeyframes());
        refused.forEach((reason, file) -> {
            Response done = hls(file);
            assertThat(done.<String>path("data.output.metadata.fast_start")).isEqualTo("encode");
            assertThat(done.<String>path("data.output.metadata.fast_start_reason"))
                    .contains(reason.split(" ")[0]);
            List<HlsPlayer.Variant> variants = HlsPlayer.play(done.path("data.output.url"), temp.resolve(reason));
            HlsPlayer.assertPlaysLike(variants, secondsOf(file));
        });
    }

    @Test
    void videoWithoutAudioAndWithVariableFrameRateIsCopied() {
        for (Path file : List.of(silent(), variableFrameRate())) {
            Response done = hls(file);
            assertThat(done.<String>path("data.output.metadata.fast_start")).isEqualTo("copy");
            HlsPlayer.assertPlaysLike(
                    HlsPlayer.play(
                            done.path("data.output.url"),
                            temp.resolve(file.getFileName().toString())),
                    secondsOf(file));
        }
    }

    @Test
    void anH265LadderStartsAsACopyOfH265WhoseSegmentsDecodeOnTheirOwn() {
        Map<String, String> groups = Map.of("copy", ":open-gop=0", "encode", "");
        groups.forEach((fastStart, x265) -> {
            Path file = TestMedia.custom(
                    "h265-" + fastStart + ".mp4",
                    "-f lavfi -i testsrc2=size=640x360:rate=25:duration=6 " + TONE
                            + "-c:v libx265 -preset ultrafast -x265-params log-level=error:keyint=50" + x265
                            + " -tag:v hvc1 -pix_fmt yuv420p -c:a aac -b:a 64k -shortest");
            String mediaId = upload(manual, file);
            String id = Transforms.create(
                    manual,
                    "{\"media_id\": \"" + mediaId
                            + "\", \"kind\": \"video\", \"format\": \"hls\", \"codec\": \"h265\"}");
            Response done = Transforms.awaitCompleted(manual, id);

            assertThat(done.<String>path("data.output.metadata.fast_start")).isEqualTo(fastStart);
            if (fastStart.equals("encode")) {
                assertThat(done.<String>path("data.output.metadata.fast_start_reason"))
                        .contains("open groups of pictures");
            }
            List<HlsPlayer.Variant> variants = HlsPlayer.play(done.path("data.output.url"), temp.resolve(fastStart));
            assertThat(variants).extracting(HlsPlayer.Variant::height).containsExactly(360, 240);
            HlsPlayer.assertPlaysLike(variants, secondsOf(file));
            assertThat(variants)
                    .allSatisfy(variant -> assertThat(variant.streamInfo()).contains("CODECS=\"hvc1.1.6."));
        });
    }

    @Test
    void aTruncatedFileFailsWithFfmpegsReason() {
        Path whole = TestMedia.custom(
                "whole-for-truncation.mp4",
                AV_320x240 + "6 " + TONE
                        + "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -movflags +faststart -shortest");
        byte[] bytes = TestMedia.bytes(whole);
        String mediaId = Api.upload(manual, Arrays.copyOf(bytes, bytes.length * 6 / 10), "video/mp4")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        String id = Transforms.create(
                manual, "{\"media_id\": \"" + mediaId + "\", \"kind\": \"video\", \"format\": \"hls\"}");
        Transforms.awaitEnd(manual, id, Duration.ofSeconds(60))
                .then()
                .body("data.status", equalTo("failed"))
                .body("data.error.code", equalTo("transform_failed"))
                // ffmpeg's own words for the damage it met first
                .body("data.error.message", anyOf(containsString("corrupt"), containsString("Invalid NAL unit")));
        as(manual.key()).get("/media/" + mediaId).then().body("data.sources.size()", equalTo(1));
    }

    @Test
    void cancellingAGrowingLadderWithdrawsWhatWasPublished() {
        String mediaId = upload(manual, TestMedia.video(1280, 720, 30));
        String id = Transforms.create(
                manual, "{\"media_id\": \"" + mediaId + "\", \"kind\": \"video\", \"format\": \"hls\"}");
        Response growing = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> as(manual.key()).get("/transforms/" + id), found -> found.path("data.output.id") != null);
        String sourceId = growing.path("data.output.id");
        String master = as(manual.key())
                .get("/sources/" + sourceId)
                .then()
                .statusCode(200)
                .body("data.status", equalTo("processing"))
                .extract()
                .path("data.url");
        given().get(master).then().statusCode(200).header("Cache-Control", "public, max-age=2");
        // cancelled while its chunks are being encoded
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Db.inSession(() -> ledger.of(id, 1)).stream()
                        .anyMatch(chunk -> "processing".equals(chunk.status)));

        as(manual.key()).delete("/transforms/" + id).then().statusCode(200).body("data.status", equalTo("cancelled"));
        as(manual.key()).get("/sources/" + sourceId).then().statusCode(404);
        given().get(master).then().statusCode(404);
        Transforms.awaitEnd(manual, id, Duration.ofSeconds(30)).then().body("data.status", equalTo("cancelled"));
        // 30 s in chunks: once a lease has had time to run out, no chunk is held or run again
        await().pollDelay(Duration.ofSeconds(6))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(Db.inSession(() -> ledger.of(id, 1)))
                        .isNotEmpty()
                        .allSatisfy(chunk -> {
                            assertThat(chunk.attempts).isLessThanOrEqualTo(1);
                            assertThat(chunk.leaseUntil == null || chunk.leaseUntil.isBefore(Instant.now()))
                                    .isTrue();
                        }));
    }

    private static Response hls(Path file) {
        String mediaId = upload(manual, file);
        String id = Transforms.create(
                manual, "{\"media_id\": \"" + mediaId + "\", \"kind\": \"video\", \"format\": \"hls\"}");
        return Transforms.awaitCompleted(manual, id);
    }

    private static String upload(Api.TestProject project, Path file) {
        return Api.upload(project, TestMedia.bytes(file), "video/mp4")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
    }

    private static boolean playbackReady(Response media) {
        Map<String, Object> source = playbackSource(media);
        return source != null && "ready".equals(source.get("status"));
    }

    private static Map<String, Object> playbackSource(Response media) {
        List<Map<String, Object>> sources = media.path("data.sources");
        return sources.stream()
                .filter(source -> "playback".equals(source.get("label")))
                .findFirst()
                .orElse(null);
    }

    private static final String TONE = "-f lavfi -i sine=frequency=440:sample_rate=48000:duration=6 ";
    private static final String AV_320x240 = "-f lavfi -i testsrc2=size=320x240:rate=25:duration=";

    /** 640x360, 6 s, H.264 with B-frames (negative decoding timestamps at the start), AAC. */
    private static Path withBFrames() {
        return TestMedia.custom(
                "bframes.mp4",
                "-f lavfi -i testsrc2=size=640x360:rate=25:duration=6 " + TONE
                        + "-c:v libx264 -preset veryfast -bf 3 -g 50 -pix_fmt yuv420p -c:a aac -b:a 64k -shortest");
    }

    private static Path rotated() {
        return TestMedia.custom(
                "rotated-hls.mp4", "-i " + TestMedia.video(320, 240, 3) + " -c copy -metadata:s:v rotate=90");
    }

    private static Path tenBit() {
        return TestMedia.custom("ten-bit.mp4", AV_320x240 + "3 -c:v libx264 -preset ultrafast -pix_fmt yuv420p10le");
    }

    /** 24 s with keyframes 20 s apart. */
    private static Path sparseKeyframes() {
        return TestMedia.custom(
                "sparse-keyframes.mp4",
                "-f lavfi -i testsrc2=size=160x120:rate=25:duration=24"
                        + " -f lavfi -i sine=frequency=440:sample_rate=48000:duration=24 -c:v libx264 -preset ultrafast"
                        + " -g 500 -keyint_min 500 -sc_threshold 0 -pix_fmt yuv420p -c:a aac -b:a 32k -shortest");
    }

    private static Path silent() {
        return TestMedia.custom("silent-hls.mp4", AV_320x240 + "3 -c:v libx264 -preset ultrafast -pix_fmt yuv420p");
    }

    /** Frames 20 to 39 dropped: a 40-frame gap in the timestamps. */
    private static Path variableFrameRate() {
        return TestMedia.custom(
                "vfr.mp4",
                AV_320x240 + "4 -vf select='not(between(n,20,39))' -fps_mode vfr -c:v libx264 -preset ultrafast"
                        + " -pix_fmt yuv420p");
    }

    /** The input's length as ffprobe gives it. */
    private static double secondsOf(Path file) {
        return Probe.duration(Probe.of(file.toString()));
    }
}
