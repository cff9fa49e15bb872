package io.mediawerk.workflow;

import static io.mediawerk.testing.Api.admin;
import static io.mediawerk.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mediawerk.testing.Api;
import io.mediawerk.testing.FileServer;
import io.mediawerk.testing.TestMedia;
import io.mediawerk.testing.WebhookReceiver;
import io.mediawerk.testing.WebhookReceiver.Answer;
import io.mediawerk.testing.WebhookReceiver.Received;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Workflows running on the real stack: triggered by uploads and ingests, steps as ordinary tasks through Kafka and
 * the workers, conditions, steps reading other steps' outputs, failures confined to their branch, and the events.
 */
@Tag("stack")
@QuarkusTest
class WorkflowRunsTest {

    static final WebhookReceiver receiver = new WebhookReceiver();
    static Api.TestProject project;
    static String secret;

    @BeforeEach
    void project() {
        if (project == null) {
            project = Api.newProject("Workflow runs");
            Response created = as(project.key())
                    .body(Map.of(
                            "url",
                            receiver.url("/runs", Answer.ok()),
                            "events",
                            List.of("workflow.completed", "workflow.failed")))
                    .post("/webhooks");
            created.then().statusCode(201);
            secret = created.path("data.secret");
            receiver.trust("/runs", secret);
        }
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @Test
    void anUploadRunsItsWorkflowToTheEnd() {
        String workflow = workflow("""
                [{"kind": "image", "label": "poster", "format": "jpeg", "width": 320},
                 {"kind": "video", "label": "720p", "height": 720, "format": "mp4"},
                 {"kind": "video", "label": "stream", "format": "hls"},
                 {"kind": "scenes"}]""");
        String mediaId = upload(TestMedia.video(1280, 720, 2), "video/mp4", workflow);

        Response run = awaitRun(workflow, mediaId);
        run.then()
                .rootPath("data")
                .body("status", equalTo("completed"))
                .body("trigger", equalTo("named"))
                .body("steps.status", org.hamcrest.Matchers.everyItem(equalTo("completed")));

        Response media = as(project.key()).get("/media/" + mediaId);
        List<Map<String, Object>> sources = media.path("data.sources");
        assertThat(sources)
                .extracting(source -> source.get("label"))
                .contains("original", "poster", "720p", "stream", "scenes");
        Map<String, Object> poster = byLabel(sources, "poster");
        assertThat(poster).containsEntry("kind", "image").containsEntry("width", 320);
        assertThat(byLabel(sources, "720p")).containsEntry("kind", "video").containsEntry("height", 720);
        assertThat((String) byLabel(sources, "stream").get("mime_type")).contains("mpegurl");
        assertThat(media.<Map<String, Object>>path("data.intelligence.scenes")).isNotNull();
        for (Map<String, Object> step : run.<List<Map<String, Object>>>path("data.steps")) {
            assertThat(sources).extracting(source -> source.get("id")).contains(step.get("source_id"));
        }

        Received event = awaitEvent("workflow.completed", run.path("data.id"));
        assertThat(event.signatureValid()).isTrue();
        assertThat(event.event().path("data").path("object").path("media_id").asText())
                .isEqualTo(mediaId);
        assertThat(event.event().path("data").path("object").path("steps").size())
                .isEqualTo(4);
    }

    @Test
    void conditionsRouteVideoAndImageDifferently() {
        String workflow = workflow("""
                [{"kind": "conditions", "label": "is-video",
                  "conditions": [{"prop": "kind", "value": "video"}, {"prop": "duration", "op": "gt", "value": 1}],
                  "next": [{"kind": "image", "label": "frame", "width": 64}],
                  "else": [{"kind": "image", "label": "small", "format": "webp", "width": 32}]}]""");
        String video = upload(TestMedia.file("mp4"), "video/mp4", workflow);
        String image = upload(TestMedia.file("png"), "image/png", workflow);

        Response videoRun = awaitRun(workflow, video);
        videoRun.then()
                .rootPath("data")
                .body("status", equalTo("completed"))
                .body("steps[0].matched", equalTo(true))
                .body("steps[1].label", equalTo("frame"))
                .body("steps[1].status", equalTo("completed"))
                .body("steps[2].label", equalTo("small"))
                .body("steps[2].status", equalTo("skipped"));
        Response imageRun = awaitRun(workflow, image);
        imageRun.then()
                .rootPath("data")
                .body("status", equalTo("completed"))
                .body("steps[0].matched", equalTo(false))
                .body("steps[1].status", equalTo("skipped"))
                .body("steps[2].status", equalTo("completed"));
        assertThat(labels(video)).contains("frame").doesNotContain("small");
        assertThat(labels(image)).contains("small").doesNotContain("frame");
    }

    @Test
    void aStepReadsAnotherStepsOutput() {
        String workflow = workflow("""
                [{"kind": "video", "label": "small", "width": 96, "format": "webm"},
                 {"kind": "image", "label": "poster", "input": "small", "format": "png"},
                 {"kind": "audio_levels", "input": "small"}]""");
        String mediaId = upload(TestMedia.video(320, 240, 2), "video/mp4", workflow);

        Response run = awaitRun(workflow, mediaId);
        run.then().rootPath("data").body("status", equalTo("completed"));
        String small = run.path("data.steps[0].source_id");
        String posterTask = run.path("data.steps[1].task_id");
        as(project.key())
                .get("/transforms/" + posterTask)
                .then()
                .body("data.input", equalTo(small))
                .body("data.workflow_run_id", equalTo(run.path("data.id")))
                .body("data.output.width", equalTo(96));
        String levelsTask = run.path("data.steps[2].task_id");
        as(project.key()).get("/intelligence/" + levelsTask).then().body("data.status", equalTo("completed"));
        assertThat(Instant.parse(run.path("data.steps[1].started")))
                .isAfterOrEqualTo(Instant.parse(run.<String>path("data.steps[0].completed")));
    }

    @Test
    void aFailingStepFailsItsBranchOnly() {
        String workflow = workflow("""
                [{"kind": "audio", "label": "sound", "format": "mp3"},
                 {"kind": "audio_levels", "label": "levels", "input": "sound"},
                 {"kind": "text", "label": "ocr", "options": {"language": "qqq"}},
                 {"kind": "image", "label": "poster", "width": 64}]""");
        Path silent = TestMedia.custom(
                "silent.mp4",
                List.of(
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=s=160x120:r=25:d=2",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "ultrafast",
                        "-pix_fmt",
                        "yuv420p"));
        String mediaId = upload(silent, "video/mp4", workflow);

        Response run = awaitRun(workflow, mediaId);
        run.then()
                .rootPath("data")
                .body("status", equalTo("failed"))
                .body("error.code", equalTo("unsuitable_input"))
                .body("error.message", containsString("Step steps[0] ('sound') failed"))
                .body("steps[0].status", equalTo("failed"))
                .body("steps[1].status", equalTo("failed"))
                .body("steps[1].error.code", equalTo("dependency_failed"))
                .body("steps[2].status", equalTo("failed"))
                .body("steps[2].error.code", equalTo("language_unavailable"))
                .body("steps[3].status", equalTo("completed"));
        assertThat(labels(mediaId)).contains("poster");
        Received event = awaitEvent("workflow.failed", run.path("data.id"));
        assertThat(event.event()
                        .path("data")
                        .path("object")
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("unsuitable_input");
    }

    @Test
    void theDefaultWorkflowRunsOnIngestedMedia() {
        Api.TestProject own = Api.newProject("Workflow default");
        String workflow = as(own.key())
                .body("{\"steps\": [{\"kind\": \"image\", \"label\": \"thumb\", " + "\"width\": 48}]}")
                .post("/workflows")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        admin().body("{\"default_workflow_id\": \"" + workflow + "\"}")
                .patch("/projects/" + own.id())
                .then()
                .statusCode(200);
        String url = FileServer.shared()
                .put("/workflow/default.png", new FileServer.Bytes(TestMedia.bytes("png"), "image/png"));
        String mediaId = as(own.key())
                .body(Map.of("url", url))
                .post("/media")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");

        Response run = awaitRun(own, workflow, mediaId);
        run.then().rootPath("data").body("status", equalTo("completed")).body("trigger", equalTo("default"));
        as(own.key())
                .get("/media/" + mediaId)
                .then()
                .body("data.sources.label", org.hamcrest.Matchers.hasItem("thumb"));
    }

    @Test
    void aPausedWorkflowDoesNotRunAndRunsCanBeStartedByHand() {
        String workflow = workflow("[{\"kind\": \"image\", \"label\": \"by-hand\", \"width\": 40}]");
        as(project.key())
                .body("{\"status\": \"paused\"}")
                .patch("/workflows/" + workflow)
                .then()
                .statusCode(200);
        String mediaId = upload(TestMedia.file("png"), "image/png", workflow);
        // runs start in the transaction that makes the media ready, so there would be one by now
        as(project.key())
                .get("/workflows/" + workflow + "/runs?media_id=" + mediaId)
                .then()
                .statusCode(200)
                .body("data.size()", equalTo(0));
        as(project.key())
                .body(Map.of("media_id", mediaId))
                .post("/workflows/" + workflow + "/runs")
                .then()
                .statusCode(409)
                .body("error.code", equalTo("workflow_paused"));

        as(project.key())
                .body("{\"status\": \"active\"}")
                .patch("/workflows/" + workflow)
                .then()
                .statusCode(200);
        String runId = as(project.key())
                .body(Map.of("media_id", mediaId))
                .post("/workflows/" + workflow + "/runs")
                .then()
                .statusCode(201)
                .body("data.object", equalTo("workflow_run"))
                .body("data.trigger", equalTo("manual"))
                .extract()
                .path("data.id");
        awaitRun(workflow, mediaId)
                .then()
                .rootPath("data")
                .body("id", equalTo(runId))
                .body("status", equalTo("completed"));
        as(project.key())
                .get("/workflows/" + workflow + "/runs/" + runId)
                .then()
                .statusCode(200)
                .body("data.steps[0].label", equalTo("by-hand"));

        as(project.key())
                .body(Map.of("media_id", "med_0000000000000000"))
                .post("/workflows/" + workflow + "/runs")
                .then()
                .statusCode(404)
                .body("error.param", equalTo("media_id"));
        as(project.key())
                .body("{}")
                .post("/workflows/" + workflow + "/runs")
                .then()
                .statusCode(400);
        as(project.key())
                .get("/workflows/" + workflow + "/runs?status=bogus")
                .then()
                .statusCode(400);
        Api.TestProject other = Api.newProject("Workflow runs other");
        as(other.key()).get("/workflows/" + workflow + "/runs/" + runId).then().statusCode(404);
        as(other.key())
                .body(Map.of("media_id", mediaId))
                .post("/workflows/" + workflow + "/runs")
                .then()
                .statusCode(404);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String workflow(String steps) {
        return as(project.key())
                .body("{\"name\": \"test\", \"steps\": " + steps + "}")
                .post("/workflows")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
    }

    private static String upload(Path file, String type, String workflow) {
        String url = as(project.key())
                .body(Map.of("workflow_id", workflow))
                .post("/uploads")
                .then()
                .statusCode(201)
                .extract()
                .path("data.url");
        return given().contentType(type)
                .body(TestMedia.bytes(file))
                .put(url)
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
    }

    private static Response awaitRun(String workflow, String mediaId) {
        return awaitRun(project, workflow, mediaId);
    }

    /** Get Workflow run of the media's one run of the workflow, once the run has ended. */
    private static Response awaitRun(Api.TestProject in, String workflow, String mediaId) {
        String[] runId = new String[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    List<String> ids = as(in.key())
                            .get("/workflows/" + workflow + "/runs?media_id=" + mediaId)
                            .path("data.id");
                    runId[0] = ids.isEmpty() ? null : ids.get(0);
                    return runId[0] != null;
                });
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    last[0] = as(in.key()).get("/workflows/" + workflow + "/runs/" + runId[0]);
                    return !"running".equals(last[0].path("data.status"));
                });
        return last[0];
    }

    private static Received awaitEvent(String type, String runId) {
        Received[] found = new Received[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found[0] = receiver.at("/runs").stream()
                    .filter(received -> received.type().equals(type)
                            && received.event()
                                    .path("data")
                                    .path("object")
                                    .path("id")
                                    .asText()
                                    .equals(runId))
                    .findFirst()
                    .orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private static List<Object> labels(String mediaId) {
        return as(project.key()).get("/media/" + mediaId).path("data.sources.label");
    }

    private static Map<String, Object> byLabel(List<Map<String, Object>> sources, String label) {
        return sources.stream()
                .filter(source -> label.equals(source.get("label")))
                .findFirst()
                .orElseThrow();
    }
}
