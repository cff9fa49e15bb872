package io.mediawerk.transform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediawerk.localstack.Ports;
import io.mediawerk.testing.AppProcesses;
import io.mediawerk.testing.TestMedia;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Worker processes stopping in the middle of a transform: killed with SIGKILL (its ffmpeg with it, as when a
 * container dies), the task is rescued; stopped with SIGTERM, it hands the task back. Either way another worker
 * process completes it, once, with one output. Runs the packaged app.
 */
class WorkerCrashIT {

    private final AppProcesses apps = new AppProcesses("worker-crash-it");

    private String test;

    @BeforeEach
    void name(TestInfo info) {
        test = info.getTestMethod().map(method -> method.getName()).orElse("test");
    }

    @AfterEach
    void stopAll() {
        apps.close();
    }

    @Test
    void aTransformWhoseWorkerIsKilledCompletesOnceOnAnotherWorker() throws Exception {
        Running running = startTransformOnAWorker();

        AppProcesses.kill(running.worker());
        launch("worker-2", Ports.freePort(), true);

        awaitCompleted(running);
        assertThat(apps.query("select attempts from tasks where id = ?", running.taskId()))
                .isEqualTo(2L);
        assertOneOutput(running);
    }

    @Test
    void aWorkerStoppedWithSigtermHandsItsTransformBack() throws Exception {
        Running running = startTransformOnAWorker();

        running.worker().destroy();
        assertThat(running.worker().waitFor(40, TimeUnit.SECONDS))
                .as("the worker stops within its grace")
                .isTrue();
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info()
                                .commandLine()
                                .map(line -> line.contains(running.taskId()))
                                .orElse(false)))
                .as("no ffmpeg of the task is left")
                .isEmpty();
        launch("worker-3", Ports.freePort(), true);

        awaitCompleted(running);
        // handed back, not interrupted: the stopped run does not count as an attempt
        assertThat(apps.query("select attempts from tasks where id = ?", running.taskId()))
                .isEqualTo(1L);
        assertOneOutput(running);
    }

    /** A transform in progress on a worker process, with an API-only process beside it. */
    private record Running(String base, String key, String mediaId, String taskId, Process worker) {}

    private Running startTransformOnAWorker() throws Exception {
        int apiPort = Ports.freePort();
        Process api = launch("api", apiPort, false);
        Process worker = launch("worker-1", Ports.freePort(), true);
        AppProcesses.awaitReady(apiPort, api);
        String base = "http://127.0.0.1:" + apiPort;
        String key = AppProcesses.projectKey(base, "crash");
        String uploadUrl = given().baseUri(base)
                .header("Authorization", "Bearer " + key)
                .contentType(ContentType.JSON)
                .body("{}")
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
        String taskId = given().baseUri(base)
                .header("Authorization", "Bearer " + key)
                .contentType(ContentType.JSON)
                .body("{\"media_id\": \"" + mediaId + "\", \"kind\": \"video\", \"format\": \"webm\", "
                        + "\"height\": 240, \"end\": 20}")
                .post("/transforms")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        await().atMost(Duration.ofMinutes(3)).until(() -> get(base, key, taskId).<Float>path("data.progress") > 0.1);
        return new Running(base, key, mediaId, taskId, worker);
    }

    private static void awaitCompleted(Running running) {
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> "completed"
                        .equals(get(running.base(), running.key(), running.taskId())
                                .path("data.status")));
    }

    private void assertOneOutput(Running running) throws Exception {
        assertThat(apps.query("select count(*) from sources where task_id = ?", running.taskId()))
                .isEqualTo(1L);
        Response media = given().baseUri(running.base())
                .header("Authorization", "Bearer " + running.key())
                .get("/media/" + running.mediaId());
        assertThat(media.<List<?>>path("data.sources")).hasSize(2);
    }

    private Process launch(String name, int port, boolean runsTransforms) {
        Process process = apps.launch(
                test + "-" + name,
                port,
                Map.of("mp.messaging.incoming.transforms.enabled", String.valueOf(runsTransforms)));
        if (runsTransforms) {
            AppProcesses.awaitReady(port, process);
        }
        return process;
    }

    private static Response get(String base, String key, String taskId) {
        return given().baseUri(base).header("Authorization", "Bearer " + key).get("/transforms/" + taskId);
    }
}
