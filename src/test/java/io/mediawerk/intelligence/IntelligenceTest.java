package io.mediawerk.intelligence;

import static io.mediawerk.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mediawerk.testing.Api;
import io.mediawerk.testing.DebianPhotos;
import io.mediawerk.testing.TestMedia;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Intelligence tasks through the real stack on media made at test time: silence and cuts at known times, text drawn
 * into an image and into video frames; the media's intelligence prop, the JSON source, and the 400s and 422s.
 */
@Tag("stack")
@QuarkusTest
class IntelligenceTest {

    private static final Set<String> FINAL = Set.of("completed", "failed");
    static Api.TestProject project;

    @BeforeEach
    void project() {
        if (project == null) {
            project = Api.newProject("Intelligence");
        }
    }

    @Test
    void audioLevelsFindTheSilence() {
        Path clip = TestMedia.custom(
                "tone-silence-tone.wav",
                List.of(
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=1000:duration=2,volume=0.5[a];anullsrc=r=44100:cl=mono:d=1.5[s];"
                                + "sine=frequency=1000:duration=2,volume=0.5[b];[a][s][b]concat=n=3:v=0:a=1",
                        "-ac",
                        "1",
                        "-c:a",
                        "pcm_s16le"));
        String mediaId = upload(clip, "audio/wav");

        Response done = analyse(mediaId, "{\"media_id\": \"" + mediaId + "\", \"kind\": \"audio_levels\"}");
        done.then().body("data.result.clipping", equalTo(false));
        List<Map<String, Number>> silences = done.path("data.result.silences");
        assertThat(silences).hasSize(1);
        assertThat(silences.get(0).get("start").doubleValue()).isCloseTo(2.0, within(0.2));
        assertThat(silences.get(0).get("end").doubleValue()).isCloseTo(3.5, within(0.2));
        // a 1 kHz sine at amplitude 1/16 (-24.1 dBFS) measures about -27.1 LUFS; the silence is gated out
        assertThat(done.<Float>path("data.result.integrated_lufs").doubleValue())
                .isCloseTo(-27.1, within(1.0));
        // 5.5 s in tenths of a second: the silent steps have no level
        List<Float> peaks = done.path("data.result.levels.peak_dbfs");
        assertThat(peaks).hasSize(55);
        assertThat(peaks.get(25)).isNull();
        assertThat(peaks.get(50).doubleValue()).isCloseTo(-24.1, within(0.5));

        Response media = as(project.key()).get("/media/" + mediaId);
        assertThat(media.<List<?>>path("data.intelligence.audio_levels.silences"))
                .hasSize(1);
        assertThat(media.<String>path("data.intelligence.audio_levels.task_id")).isEqualTo(done.path("data.id"));
        String resultUrl = done.path("data.output.url");
        Response json = given().get(resultUrl);
        json.then().statusCode(200).contentType(containsString("application/json"));
        assertThat(json.<List<?>>path("silences")).hasSize(1);
    }

    @Test
    void scenesAreCutWhereTheVideoCuts() {
        String mediaId = upload(cuts(), "video/mp4");

        Response done = analyse(mediaId, "{\"media_id\": \"" + mediaId + "\", \"kind\": \"scenes\"}");
        List<Map<String, Object>> scenes = done.path("data.result.scenes");
        assertThat(scenes).hasSize(3);
        assertThat(((Number) scenes.get(1).get("start")).doubleValue()).isCloseTo(2.0, within(0.15));
        assertThat(((Number) scenes.get(2).get("start")).doubleValue()).isCloseTo(5.0, within(0.15));
        String keyframe = (String) scenes.get(1).get("keyframe");
        String sourceId = done.path("data.output.id");
        given().get("/files/" + sourceId + "/" + keyframe)
                .then()
                .statusCode(200)
                .contentType(containsString("image/jpeg"));
        as(project.key()).get("/media/" + mediaId).then().body("data.intelligence.scenes.scene_count", equalTo(3));
    }

    @Test
    void textIsReadFromAnImageAndFromVideoFrames() {
        Path image = TestMedia.custom(
                "text.png",
                List.of(
                        "-f",
                        "lavfi",
                        "-i",
                        "color=c=white:s=800x300:d=1",
                        "-vf",
                        "drawtext=fontfile=" + TestMedia.FONT
                                + ":text='MEDIAWERK 2026':fontsize=64:fontcolor=black:x=40:y=60,"
                                + "drawtext=fontfile=" + TestMedia.FONT
                                + ":text='Hello OCR':fontsize=64:fontcolor=black:x=40:y=180",
                        "-frames:v",
                        "1"));
        String imageId = upload(image, "image/png");
        Response fromImage = analyse(imageId, "{\"media_id\": \"" + imageId + "\", \"kind\": \"text\"}");
        assertThat(fromImage.<String>path("data.result.text").toUpperCase()).contains("MEDIAWERK 2026", "HELLO OCR");
        assertThat(fromImage.<Integer>path("data.result.lines[0].box.top"))
                .isLessThan(fromImage.<Integer>path("data.result.lines[1].box.top"));

        Path video = TestMedia.textVideo();
        String videoId = upload(video, "video/mp4");
        Response fromVideo = analyse(videoId, "{\"media_id\": \"" + videoId + "\", \"kind\": \"text\"}");
        List<Map<String, Object>> lines = fromVideo.path("data.result.lines");
        assertThat(lines).anySatisfy(line -> {
            assertThat(((String) line.get("text")).toUpperCase()).contains("FIRST SCENE");
            assertThat(((Number) line.get("time")).doubleValue()).isCloseTo(0, within(0.2));
        });
        assertThat(lines).anySatisfy(line -> {
            assertThat(((String) line.get("text")).toUpperCase()).contains("SECOND SCENE");
            assertThat(((Number) line.get("time")).doubleValue()).isCloseTo(3, within(0.2));
            // the frame it was read in, a file of the result's source
            String keyframe = (String) line.get("keyframe");
            assertThat(keyframe).matches("keyframes/scene-\\d+\\.jpg");
            given().get("/files/" + fromVideo.path("data.output.id") + "/" + keyframe)
                    .then()
                    .statusCode(200)
                    .contentType("image/jpeg");
        });
    }

    @Test
    void facesAreCountedInARealPhotograph() {
        Path astronaut = DebianPhotos.astronaut();
        String one = upload(astronaut, "image/png");
        Response single = analyse(one, "{\"media_id\": \"" + one + "\", \"kind\": \"faces\"}");
        single.then().body("data.result.face_count", equalTo(1));
        Map<String, Integer> box = single.path("data.result.faces[0].box");
        assertThat(box.get("left")).isBetween(120, 240);
        assertThat(box.get("width")).isBetween(60, 160);

        Path pair = TestMedia.custom(
                "two-astronauts.png",
                List.of(
                        "-i",
                        astronaut.toAbsolutePath().toString(),
                        "-i",
                        astronaut.toAbsolutePath().toString(),
                        "-filter_complex",
                        "hstack=inputs=2",
                        "-frames:v",
                        "1"));
        String two = upload(pair, "image/png");
        analyse(two, "{\"media_id\": \"" + two + "\", \"kind\": \"faces\"}")
                .then()
                .body("data.result.face_count", equalTo(2));

        String none = upload(DebianPhotos.coffee(), "image/png");
        analyse(none, "{\"media_id\": \"" + none + "\", \"kind\": \"faces\"}")
                .then()
                .body("data.result.face_count", equalTo(0));

        Path video = TestMedia.custom(
                "astronaut-then-coffee.mp4",
                List.of(
                        "-loop",
                        "1",
                        "-t",
                        "2",
                        "-i",
                        astronaut.toAbsolutePath().toString(),
                        "-loop",
                        "1",
                        "-t",
                        "2",
                        "-i",
                        DebianPhotos.coffee().toAbsolutePath().toString(),
                        "-filter_complex",
                        "[0]scale=512:512,setsar=1,fps=25[a];[1]scale=512:512,setsar=1,fps=25[b];[a][b]concat=n=2:v=1:a=0",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "ultrafast",
                        "-pix_fmt",
                        "yuv420p"));
        String videoId = upload(video, "video/mp4");
        Response frames = analyse(videoId, "{\"media_id\": \"" + videoId + "\", \"kind\": \"faces\"}");
        frames.then()
                .body("data.result.face_count", equalTo(1))
                .body("data.result.frames.size()", equalTo(2))
                .body("data.result.frames[0].faces.size()", equalTo(1))
                .body("data.result.frames[1].faces.size()", equalTo(0));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"kind\": \"scenes\", \"options\": {\"min_scene_score\": 2}|options.min_scene_score|400",
                "\"kind\": \"scenes\", \"options\": {\"max_scenes\": 1.5}|options.max_scenes|400",
                "\"kind\": \"scenes\", \"options\": {\"speakers\": 2}|options.speakers|400",
                "\"kind\": \"text\", \"options\": {\"language\": \"EN!\"}|options.language|400",
                "\"kind\": \"magic\"|kind|400",
                "\"kind\": \"speech\"|kind|422",
                "\"kind\": \"faces\", \"options\": {\"min_size\": 5}|options.min_size|400",
                "\"kind\": \"nsfw\"|kind|422",
                "\"kind\": \"objects\"|kind|422",
            })
    void badRequestsSayWhatToFix(String fields, String param, int status) {
        String mediaId = upload(cuts(), "video/mp4");
        as(project.key())
                .body("{\"media_id\": \"" + mediaId + "\", " + fields + "}")
                .post("/intelligence")
                .then()
                .statusCode(status)
                .body("error.param", equalTo(param));
    }

    @Test
    void aKindThatDoesNotSuitTheMediaIs422() {
        String imageId = upload(TestMedia.file("png"), "image/png");
        as(project.key())
                .body(Map.of("media_id", imageId, "kind", "scenes"))
                .post("/intelligence")
                .then()
                .statusCode(422)
                .body("error.code", equalTo("unsuitable_media"));
        as(project.key())
                .body(Map.of("media_id", imageId, "kind", "audio_levels"))
                .post("/intelligence")
                .then()
                .statusCode(422)
                .body("error.message", containsString("no audio"));
        as(project.key())
                .body(Map.of("media_id", "med_0000000000000000", "kind", "scenes"))
                .post("/intelligence")
                .then()
                .statusCode(404);
        as(project.key()).get("/intelligence?kind=magic").then().statusCode(400).body("error.param", equalTo("kind"));
        as(project.key()).get("/intelligence/tsk_0000000000000000").then().statusCode(404);
    }

    private static Path cuts() {
        return TestMedia.custom(
                "cuts.mp4",
                List.of(
                        "-f",
                        "lavfi",
                        "-i",
                        "color=c=red:s=320x240:r=25:d=2",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=s=320x240:r=25:d=3",
                        "-f",
                        "lavfi",
                        "-i",
                        "color=c=blue:s=320x240:r=25:d=2",
                        "-filter_complex",
                        "[0][1][2]concat=n=3:v=1:a=0",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "ultrafast",
                        "-pix_fmt",
                        "yuv420p"));
    }

    private static String upload(Path file, String type) {
        return Api.uploadedMedia(project, file, type);
    }

    private static Response analyse(String mediaId, String body) {
        String id = as(project.key())
                .body(body)
                .post("/intelligence")
                .then()
                .statusCode(201)
                .body("data.status", equalTo("pending"))
                .body("data.object", equalTo("intelligence"))
                .extract()
                .path("data.id");
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    last[0] = as(project.key()).get("/intelligence/" + id);
                    return FINAL.contains(last[0].<String>path("data.status"));
                });
        if (!"completed".equals(last[0].path("data.status"))) {
            throw new AssertionError("Intelligence task " + id + " ended: " + last[0].asString());
        }
        as(project.key())
                .get("/intelligence?media_id=" + mediaId)
                .then()
                .statusCode(200)
                .body("data.id", org.hamcrest.Matchers.hasItem(id));
        return last[0];
    }
}
