package io.mediawerk.transform;

import static io.mediawerk.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediawerk.testing.Api;
import io.mediawerk.testing.Probe;
import io.mediawerk.testing.TestMedia;
import io.mediawerk.testing.Transforms;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every transform kind on small inputs through the real stack; each output is downloaded and probed. */
@Tag("stack")
@QuarkusTest
class TransformKindsTest {

    private Api.TestProject project;

    @BeforeEach
    void project() {
        if (project == null) {
            project = Api.newProject("Transform kinds");
        }
    }

    private String upload(byte[] file, String type) {
        return Api.upload(project, file, type).then().statusCode(201).extract().path("data.id");
    }

    /** Creates all transforms first (so the workers run them side by side), then waits for each. */
    private Map<String, Response> run(String mediaId, String... bodies) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String body : bodies) {
            ids.put(body, Transforms.create(project, "{\"media_id\": \"" + mediaId + "\", " + body + "}"));
        }
        Map<String, Response> done = new LinkedHashMap<>();
        ids.forEach((body, id) -> done.put(body, Transforms.awaitCompleted(project, id)));
        return done;
    }

    private static JsonNode probeOutput(Response done) {
        return Probe.of(given().get(done.<String>path("data.output.url"))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
    }

    private static void assertVideo(JsonNode probed, String codec, int width, int height, double seconds) {
        JsonNode video = Probe.stream(probed, "video");
        assertThat(video.path("codec_name").asText()).isEqualTo(codec);
        assertThat(video.path("width").asInt()).isEqualTo(width);
        assertThat(video.path("height").asInt()).isEqualTo(height);
        assertThat(Probe.duration(probed)).isCloseTo(seconds, within(0.35));
    }

    @Test
    void videoFormatsCodecsSizesAndTrims() {
        String mediaId = upload(TestMedia.bytes(TestMedia.video(320, 240, 3)), "video/mp4");
        List<Response> done = new ArrayList<>(run(
                        mediaId,
                        "\"kind\": \"video\", \"width\": 160",
                        "\"kind\": \"video\", \"format\": \"webm\", \"height\": 120, \"audio\": false",
                        "\"kind\": \"video\", \"format\": \"mov\", \"codec\": \"h265\", \"width\": 100, \"height\": 100, "
                                + "\"fit\": \"cover\"",
                        "\"kind\": \"video\", \"codec\": \"av1\", \"width\": \"50%\"",
                        "\"kind\": \"video\", \"start\": 1, \"end\": 2.5, \"fps\": 10")
                .values());

        JsonNode mp4 = probeOutput(done.get(0));
        assertVideo(mp4, "h264", 160, 120, 3);
        assertThat(Probe.stream(mp4, "audio").path("codec_name").asText()).isEqualTo("aac");
        done.get(0)
                .then()
                .body("data.output.container", equalTo("mp4"))
                .body("data.output.mime_type", equalTo("video/mp4"))
                .body("data.output.width", equalTo(160));

        JsonNode webm = probeOutput(done.get(1));
        assertVideo(webm, "vp9", 160, 120, 3);
        assertThat(Probe.stream(webm, "audio")).isNull();
        done.get(1).then().body("data.output.mime_type", equalTo("video/webm"));

        assertVideo(probeOutput(done.get(2)), "hevc", 100, 100, 3);
        assertVideo(probeOutput(done.get(3)), "av1", 160, 120, 3);
        JsonNode trimmed = probeOutput(done.get(4));
        assertVideo(trimmed, "h264", 320, 240, 1.5);
        assertThat(Probe.stream(trimmed, "video").path("avg_frame_rate").asText())
                .isEqualTo("10/1");
    }

    @Test
    void hlsMakesALadderWhoseEverySegmentIsServed() {
        String mediaId = upload(TestMedia.bytes(TestMedia.video(640, 360, 6)), "video/mp4");
        Response done = run(mediaId, "\"kind\": \"video\", \"format\": \"hls\", \"label\": \"stream\"")
                .values()
                .iterator()
                .next();
        done.then()
                .body("data.output.container", equalTo("hls"))
                .body("data.output.mime_type", equalTo("application/vnd.apple.mpegurl"))
                .body("data.output.width", equalTo(640))
                .body("data.output.height", equalTo(360));
        String masterUrl = done.path("data.output.url");
        assertThat(masterUrl).endsWith("/master.m3u8");
        String master = given().get(masterUrl)
                .then()
                .statusCode(200)
                .header("Content-Type", "application/vnd.apple.mpegurl")
                .extract()
                .asString();
        List<String> variants = uris(master);
        assertThat(variants)
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(uri -> assertThat(uri).doesNotStartWith("/").doesNotContain("://"));
        assertThat(master).contains("RESOLUTION=640x360").contains("RESOLUTION=426x240");
        int segments = 0;
        for (String variant : variants) {
            String variantUrl = URI.create(masterUrl).resolve(variant).toString();
            String playlist =
                    given().get(variantUrl).then().statusCode(200).extract().asString();
            for (String segment : uris(playlist)) {
                byte[] bytes = given().get(
                                URI.create(variantUrl).resolve(segment).toString())
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray();
                assertThat(bytes).isNotEmpty();
                segments++;
            }
        }
        // the input has one keyframe (at 0): its copy is one 6 s segment, and every rung cuts where the copy does
        assertThat(segments).isEqualTo(variants.size());
        JsonNode probed = Probe.of(masterUrl);
        assertThat(Probe.duration(probed)).isCloseTo(6, within(0.5));
        given().get(masterUrl.replace("master.m3u8", "../../etc/passwd")).then().statusCode(404);
        as(project.key())
                .body("{\"source_id\": \"" + done.path("data.output.id") + "\", \"kind\": \"image\"}")
                .post("/transforms")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("input"));
        given().get(masterUrl.replace("master.m3u8", "nothing.ts")).then().statusCode(404);
    }

    @Test
    void imagesFromImagesAndFromVideoFrames() {
        String videoId = upload(TestMedia.bytes(TestMedia.video(320, 240, 3)), "video/mp4");
        String pngId = upload(TestMedia.bytes("png"), "image/png");
        String heicId = upload(TestMedia.bytes("heic"), "image/heic");
        List<Response> fromVideo = new ArrayList<>(run(
                        videoId,
                        "\"kind\": \"image\", \"start\": 1, \"width\": 160, \"label\": \"poster\"",
                        "\"kind\": \"image\", \"format\": \"webp\", \"width\": 100, \"height\": 100, \"fit\": \"cover\"")
                .values());
        List<Response> fromPng = new ArrayList<>(run(
                        pngId,
                        "\"kind\": \"image\", \"format\": \"png\", \"width\": 64",
                        "\"kind\": \"image\", \"format\": \"avif\", \"height\": 60",
                        "\"kind\": \"image\", \"format\": \"gif\", \"width\": 80, \"height\": 80, \"fit\": \"fill\"",
                        "\"kind\": \"image\", \"format\": \"jpeg\", \"width\": 50, \"height\": 50, \"fit\": \"contain\"")
                .values());
        Response fromHeic = run(heicId, "\"kind\": \"image\", \"format\": \"jpeg\", \"width\": 100")
                .values()
                .iterator()
                .next();

        assertImage(fromVideo.get(0), "mjpeg", 160, 120, "image/jpeg");
        assertImage(fromVideo.get(1), "webp", 100, 100, "image/webp");
        assertImage(fromPng.get(0), "png", 64, 48, "image/png");
        assertImage(fromPng.get(1), "av1", 80, 60, "image/avif");
        assertImage(fromPng.get(2), "gif", 80, 80, "image/gif");
        assertImage(fromPng.get(3), "mjpeg", 50, 38, "image/jpeg");
        assertImage(fromHeic, "mjpeg", 100, 75, "image/jpeg");
        fromVideo
                .get(0)
                .then()
                .body("data.output.kind", equalTo("image"))
                .body("data.output.label", equalTo("poster"))
                .body("data.output.duration", org.hamcrest.Matchers.nullValue());
    }

    private static void assertImage(Response done, String codec, int width, int height, String mimeType) {
        done.then()
                .body("data.output.mime_type", equalTo(mimeType))
                .body("data.output.width", equalTo(width))
                .body("data.output.height", equalTo(height));
        JsonNode video = Probe.stream(probeOutput(done), "video");
        assertThat(video.path("codec_name").asText()).isEqualTo(codec);
        assertThat(video.path("width").asInt()).isEqualTo(width);
        assertThat(video.path("height").asInt()).isEqualTo(height);
    }

    @Test
    void audioInEveryFormat() {
        String mediaId = upload(TestMedia.bytes(TestMedia.video(160, 120, 3)), "video/mp4");
        Map<String, Response> done = run(
                mediaId,
                "\"kind\": \"audio\"",
                "\"kind\": \"audio\", \"format\": \"aac\", \"bitrate\": 64000",
                "\"kind\": \"audio\", \"format\": \"m4a\", \"channels\": 1",
                "\"kind\": \"audio\", \"format\": \"opus\"",
                "\"kind\": \"audio\", \"format\": \"ogg\"",
                "\"kind\": \"audio\", \"format\": \"wav\", \"start\": 1",
                "\"kind\": \"audio\", \"format\": \"flac\", \"end\": 2");
        String[][] expected = {
            {"mp3", "audio/mpeg", "3"},
            {"aac", "audio/aac", "3"},
            {"aac", "audio/mp4", "3"},
            {"opus", "audio/ogg", "3"},
            {"vorbis", "audio/ogg", "3"},
            {"pcm_s16le", "audio/wav", "2"},
            {"flac", "audio/flac", "2"}
        };
        int i = 0;
        for (Response response : done.values()) {
            String[] want = expected[i++];
            response.then().body("data.output.kind", equalTo("audio")).body("data.output.mime_type", equalTo(want[1]));
            JsonNode probed = probeOutput(response);
            assertThat(Probe.stream(probed, "video")).isNull();
            assertThat(Probe.stream(probed, "audio").path("codec_name").asText())
                    .isEqualTo(want[0]);
            assertThat(Probe.duration(probed)).isCloseTo(Double.parseDouble(want[2]), within(0.3));
        }
        JsonNode mono = probeOutput(new ArrayList<>(done.values()).get(2));
        assertThat(Probe.stream(mono, "audio").path("channels").asInt()).isEqualTo(1);
    }

    @Test
    void thumbnailsAreASpriteSheetWithAWebVttTrack() {
        String mediaId = upload(TestMedia.bytes(TestMedia.video(320, 240, 4)), "video/mp4");
        Response done = run(mediaId, "\"kind\": \"thumbnails\", \"count\": 4, \"width\": 80")
                .values()
                .iterator()
                .next();
        String vttUrl = done.path("data.output.url");
        String vtt = given().get(vttUrl)
                .then()
                .statusCode(200)
                .header("Content-Type", "text/vtt")
                .extract()
                .body()
                .asString();
        assertThat(vtt).startsWith("WEBVTT");
        Matcher cue = Pattern.compile("(\\S+)#xywh=(\\d+),(\\d+),(\\d+),(\\d+)").matcher(vtt);
        List<int[]> boxes = new ArrayList<>();
        String sprite = null;
        while (cue.find()) {
            sprite = cue.group(1);
            boxes.add(new int[] {
                Integer.parseInt(cue.group(2)),
                Integer.parseInt(cue.group(3)),
                Integer.parseInt(cue.group(4)),
                Integer.parseInt(cue.group(5))
            });
        }
        assertThat(boxes).hasSize(4);
        JsonNode spriteImage = Probe.stream(
                Probe.of(given().get(URI.create(vttUrl).resolve(sprite).toString())
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray()),
                "video");
        int width = spriteImage.path("width").asInt();
        int height = spriteImage.path("height").asInt();
        assertThat(boxes).allSatisfy(box -> {
            assertThat(box[2]).isEqualTo(80);
            assertThat(box[3]).isEqualTo(60);
            assertThat(box[0] + box[2]).isLessThanOrEqualTo(width);
            assertThat(box[1] + box[3]).isLessThanOrEqualTo(height);
        });
        assertThat(new String(vtt.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .contains("-->");
    }

    @Test
    void animationsAsGifAndWebp() {
        String mediaId = upload(TestMedia.bytes(TestMedia.video(320, 240, 3)), "video/mp4");
        List<Response> done = new ArrayList<>(run(
                        mediaId,
                        "\"kind\": \"animation\", \"start\": 0.5, \"end\": 2.5, \"fps\": 5, \"width\": 120",
                        "\"kind\": \"animation\", \"format\": \"webp\", \"end\": 1, \"width\": 80")
                .values());
        done.get(0).then().body("data.output.mime_type", equalTo("image/gif"));
        JsonNode gif = probeOutput(done.get(0));
        assertThat(Probe.stream(gif, "video").path("codec_name").asText()).isEqualTo("gif");
        assertThat(Probe.stream(gif, "video").path("width").asInt()).isEqualTo(120);
        assertThat(Probe.duration(gif)).isCloseTo(2.0, within(0.3));
        done.get(1).then().body("data.output.mime_type", equalTo("image/webp")).body("data.output.width", equalTo(80));
        byte[] webp = given().get(done.get(1).<String>path("data.output.url"))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(new String(webp, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(webp, StandardCharsets.ISO_8859_1)).contains("ANIM");
    }

    @Test
    void impossibleOptionsAre400sAtCreation() {
        String videoId = upload(TestMedia.bytes("mp4"), "video/mp4");
        String imageId = upload(TestMedia.bytes("png"), "image/png");
        String audioId = upload(TestMedia.bytes("wav"), "audio/wav");
        rejects(videoId, "\"kind\": \"video\", \"format\": \"webm\", \"codec\": \"h264\"", "codec");
        rejects(videoId, "\"kind\": \"video\", \"width\": \"150%\"", "width");
        rejects(videoId, "\"kind\": \"video\", \"start\": 1.5, \"end\": 1", "end");
        rejects(videoId, "\"kind\": \"video\", \"codec\": \"av1\", \"width\": 32", "width");
        rejects(videoId, "\"kind\": \"video\", \"start\": 60", "start");
        rejects(videoId, "\"kind\": \"video\", \"quality\": 101", "quality");
        rejects(videoId, "\"kind\": \"video\", \"sharpen\": true", "sharpen");
        rejects(imageId, "\"kind\": \"video\"", "kind");
        rejects(imageId, "\"kind\": \"image\", \"start\": 1", "start");
        rejects(audioId, "\"kind\": \"thumbnails\"", "kind");
        rejects(audioId, "\"kind\": \"audio\", \"format\": \"wav\", \"bitrate\": 128000", "bitrate");
        rejects(videoId, "\"kind\": \"thumbnails\", \"count\": 4, \"interval\": 2", "interval");
        rejects(videoId, "\"kind\": \"image\", \"background\": \"blue-ish\"", "background");
    }

    private void rejects(String mediaId, String body, String param) {
        as(project.key())
                .body("{\"media_id\": \"" + mediaId + "\", " + body + "}")
                .post("/transforms")
                .then()
                .statusCode(400)
                .body("error.param", equalTo(param));
    }

    private static List<String> uris(String playlist) {
        return playlist.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }
}
