package io.mediawerk.workflow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediawerk.localstack.Ports;
import io.mediawerk.testing.AppProcesses;
import io.mediawerk.testing.TestMedia;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A workflow run outlives every Mediawerk process: the only instance (api and worker in one) is SIGKILLed while
 * the run's first step transcodes and a dependent step waits for it; a new instance finishes the run, each step's
 * task completing once. Runs the packaged app against the shared PostgreSQL, Kafka and S3.
 */
class WorkflowRestartIT {

    private final AppProcesses apps = new AppProcesses("workflow-restart-it");

    @AfterEach
    void stopAll() {
        apps.close();
    }

    @Test
    void aRunSurvivesTheDeathOfEveryProcess() {
        int firstPort = Ports.freePort();
        Process first = apps.launch("instance-1", firstPort, Map.of());
        AppProcesses.awaitReady(firstPort, first);
        String key = AppProcesses.projectKey(base(firstPort), "workflow restart");
        String workflow = as(firstPort, key)
                .body("""
                {"name": "survives", "steps": [
                  {"kind": "video", "label": "small", "format": "webm", "height": 240, "end": 20},
                  {"kind": "image", "label": "poster", "input": "small", "width": 120},
                  {"kind": "audio", "label": "sound", "format": "mp3"}]}""")
                .post("/workflows")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        String uploadUrl = as(firstPort, key)
                .body(Map.of("workflow_id", workflow))
                .post("/uploads")
                .then()
                .statusCode(201)
                .extract()
                .path("data.url");
        String mediaId = given().contentType("video/mp4")
                .body(TestMedia.bytes(TestMedia.video(640, 360, 120)))
                .put(uploadUrl)
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        String runId = awaitRunOf(firstPort, key, workflow, mediaId);
        String smallTask = run(firstPort, key, workflow, runId).path("data.steps[0].task_id");
        await().atMost(Duration.ofMinutes(3))
                .until(() -> as(firstPort, key).get("/transforms/" + smallTask).<Float>path("data.progress") > 0.1);

        AppProcesses.kill(first);
        int secondPort = Ports.freePort();
        Process second = apps.launch("instance-2", secondPort, Map.of());
        AppProcesses.awaitReady(secondPort, second);

        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .until(() ->
                        !"running".equals(run(secondPort, key, workflow, runId).path("data.status")));
        Response done = run(secondPort, key, workflow, runId);
        assertThat(done.<String>path("data.status")).as(done.asString()).isEqualTo("completed");
        List<String> tasks = done.path("data.steps.task_id");
        assertThat(tasks).hasSize(3).doesNotContainNull();
        for (String task : tasks) {
            assertThat(apps.query("select count(*) from sources where task_id = ?", task))
                    .isEqualTo(1L);
        }
        assertThat(apps.query("select attempts from tasks where id = ?", smallTask))
                .isEqualTo(2L);
        assertThat(apps.query("select count(*) from workflow_runs where media_id = ?", mediaId))
                .isEqualTo(1L);
        assertThat(as(secondPort, key).get("/media/" + mediaId).<List<?>>path("data.sources"))
                .hasSize(4);
    }

    private static String awaitRunOf(int port, String key, String workflow, String mediaId) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> ids = as(port, key)
                    .get("/workflows/" + workflow + "/runs?media_id=" + mediaId)
                    .path("data.id");
            id[0] = ids.isEmpty() ? null : ids.get(0);
            return id[0] != null;
        });
        return id[0];
    }

    private static Response run(int port, String key, String workflow, String runId) {
        return as(port, key).get("/workflows/" + workflow + "/runs/" + runId);
    }

    private static RequestSpecification as(int port, String key) {
        return given().baseUri(base(port))
                .header("Authorization", "Bearer " + key)
                .contentType(ContentType.JSON);
    }

    private static String base(int port) {
        return "http://127.0.0.1:" + port;
    }
}
