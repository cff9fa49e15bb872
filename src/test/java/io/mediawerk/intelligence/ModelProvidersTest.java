package io.mediawerk.intelligence;

import static io.mediawerk.testing.Api.as;
import static io.mediawerk.testing.ModelProviders.KEY;
import static io.mediawerk.testing.ModelProviders.received;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.mediawerk.testing.Api;
import io.mediawerk.testing.ModelProviders;
import io.mediawerk.testing.TestMedia;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The kinds that need a model provider, against the {@link ModelProviders} written for the tests: the transcript's
 * timed segments become the media's speech prop, the JSON result and a WebVTT file; the vision endpoints see the image
 * upload and the key.
 */
@Tag("stack")
@QuarkusTest
@TestProfile(ModelProviders.Profile.class)
class ModelProvidersTest {

    @Test
    void objectsAndNsfwComeFromImageModels() {
        Api.TestProject project = Api.newProject("Vision");
        String imageId = Api.upload(project, TestMedia.bytes("png"), "image/png")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        Response objects = run(project, imageId, "objects");
        objects.then()
                .body("data.result.object_count", equalTo(1))
                .body("data.result.labels.person", equalTo(1))
                .body("data.result.objects[0].box.width", equalTo(100))
                .body("data.result.objects[0].confidence", equalTo(0.91f));
        assertThat(received).containsEntry("detection_api_key", KEY).containsEntry("detection_image", "image/png");

        run(project, imageId, "nsfw")
                .then()
                .body("data.result.nsfw", equalTo(false))
                .body("data.result.score", equalTo(0.2f));
        as(project.key())
                .get("/media/" + imageId)
                .then()
                .body("data.intelligence.objects.object_count", equalTo(1))
                .body("data.intelligence.nsfw.nsfw", equalTo(false));

        String videoId = Api.upload(project, TestMedia.bytes("mp4"), "video/mp4")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        run(project, videoId, "objects")
                .then()
                .body("data.result.frames[0].objects[0].label", equalTo("person"))
                .body("data.result.frames[0].time", equalTo(0.0f));
        assertThat(received).containsEntry("detection_image", "image/jpeg");
    }

    private static Response run(Api.TestProject project, String mediaId, String kind) {
        String id = as(project.key())
                .body(Map.of("media_id", mediaId, "kind", kind))
                .post("/intelligence")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        Response[] done = new Response[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            done[0] = as(project.key()).get("/intelligence/" + id);
            return List.of("completed", "failed").contains(done[0].<String>path("data.status"));
        });
        done[0].then().body("data.status", equalTo("completed"));
        return done[0];
    }

    @Test
    void aTranscriptWithSubtitlesComesFromTheProvider() {
        Api.TestProject project = Api.newProject("Speech");
        String mediaId = Api.upload(project, TestMedia.bytes("mp3"), "audio/mpeg")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        as(project.key())
                .body(Map.of("media_id", mediaId, "kind", "speech", "options", Map.of("language", "EN")))
                .post("/intelligence")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("options.language"));
        String id = as(project.key())
                .body(Map.of("media_id", mediaId, "kind", "speech", "options", Map.of("language", "en")))
                .post("/intelligence")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");

        Response[] done = new Response[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            done[0] = as(project.key()).get("/intelligence/" + id);
            return List.of("completed", "failed").contains(done[0].<String>path("data.status"));
        });
        done[0].then()
                .body("data.status", equalTo("completed"))
                .body("data.result.language", equalTo("english"))
                .body("data.result.text", equalTo("Hello world. Second line."))
                .body("data.result.segments[1].start", equalTo(1.5f))
                .body("data.result.segments[1].text", equalTo("Second line."));

        assertThat(received)
                .containsEntry("authorization", "Bearer " + KEY)
                .containsEntry("model", "whisper-1")
                .containsEntry("response_format", "verbose_json")
                .containsEntry("language", "en")
                .containsEntry("file_type", "audio/mpeg")
                .containsEntry("file_is_mp3", "true");
        as(project.key())
                .get("/media/" + mediaId)
                .then()
                .body("data.intelligence.speech.text", equalTo("Hello world. Second line."));

        String subtitlesId = done[0].path("data.result.subtitles_source_id");
        Response subtitles = as(project.key()).get("/sources/" + subtitlesId);
        subtitles
                .then()
                .statusCode(200)
                .body("data.label", equalTo("subtitles"))
                .body("data.mime_type", equalTo("text/vtt"))
                .body("data.media_id", equalTo(mediaId));
        String vtt = given().get(subtitles.<String>path("data.url"))
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/vtt"))
                .extract()
                .asString();
        assertThat(vtt)
                .startsWith("WEBVTT\n")
                .contains("00:00:00.000 --> 00:00:01.500\nHello world.")
                .contains("00:00:01.500 --> 00:00:03.000\nSecond line.");
    }
}
