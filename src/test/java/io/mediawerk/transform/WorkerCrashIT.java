package io.mediawerk.transform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediawerk.localstack.Ports;
import io.mediawerk.testing.Api;
import io.mediawerk.testing.AppProcesses;
import io.mediawerk.testing.HlsPlayer;
import io.mediawerk.testing.TestMedia;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void twoWorkersEncodeChunksOfOneLadderAndAKilledOneLosesNothing(@TempDir Path temp) throws Exception {
        int apiPort = Ports.freePort();
        Process api = launch("api", apiPort, false);
        Map<String, String> chunking = Map.of(
                "mp.messaging.incoming.transforms.enabled", "true",
                "mediawerk.transforms.concurrency", "1",
                "mediawerk.transforms.chunk-length", "PT3S");
        List<Process> workers = List.of(launchWith("worker-a", chunking), launchWith("worker-b", chunking));
        AppProcesses.awaitReady(apiPort, api);
        String base = "http://127.0.0.1:" + apiPort;
        String key = AppProcesses.projectKey(base, "chunks");
        // keyframes every 2 s: the copied rendition cuts there, and so can the chunks
        Path input = TestMedia.custom(
                "chunky-720p.mp4",
                "-f lavfi -i testsrc2=size=1280x720:rate=25:duration=30 -f lavfi -i sine=frequency=440:duration=30"
                        + " -c:v libx264 -preset ultrafast -g 50 -pix_fmt yuv420p -c:a aac -b:a 64k -shortest");
        String mediaId = upload(base, key, input);
        String taskId =
                create(base, key, "{\"media_id\": \"" + mediaId + "\", \"kind\": \"video\", \"format\": \"hls\"}");

        // the worker that runs the ladder's task and the other one, which only takes chunks from the topic
        await().atMost(Duration.ofMinutes(2))
                .until(() -> workers.stream().anyMatch(worker -> holdsTask(taskId, worker)));
        Process ladder = workers.stream()
                .filter(worker -> holdsTask(taskId, worker))
                .findFirst()
                .orElseThrow();
        Process helper = workers.get(workers.indexOf(ladder) == 0 ? 1 : 0);
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> apps.query(
                                "select count(*) from ladder_chunks where task_id = ? and lease_owner like ?",
                                taskId,
                                helper.pid() + "@%")
                        > 0);
        AppProcesses.kill(helper);

        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> "completed".equals(get(base, key, taskId).path("data.status")));
        long chunks = apps.query("select count(*) from ladder_chunks where task_id = ?", taskId);
        // about 3 s each, starting where segments start (every 4 s here)
        assertThat(chunks).isEqualTo(8L);
        assertThat(apps.query("select count(*) from ladder_chunks where task_id = ? and status = 'completed'", taskId))
                .isEqualTo(chunks);
        String encodedBy = "select count(*) from ladder_chunks where task_id = ? and encoded_by like ?";
        assertThat(apps.query(encodedBy, taskId, ladder.pid() + "@%")
                        + apps.query(encodedBy, taskId, helper.pid() + "@%"))
                .isEqualTo(chunks);
        assertThat(apps.query("select count(*) from ladder_chunks where task_id = ? and attempts > 1", taskId))
                .as("the chunk the killed worker held was encoded again")
                .isGreaterThanOrEqualTo(1L);
        assertThat(apps.query("select count(*) from sources where task_id = ?", taskId))
                .isEqualTo(1L);
        String master = get(base, key, taskId).path("data.output.url");
        HlsPlayer.assertPlaysLike(HlsPlayer.play(master, temp), 30.0);
    }

    private boolean holdsTask(String taskId, Process worker) {
        return apps.query("select count(*) from tasks where id = ? and lease_owner like ?", taskId, worker.pid() + "@%")
                > 0;
    }

    private Process launchWith(String name, Map<String, String> settings) {
        int port = Ports.freePort();
        Process process = apps.launch(test + "-" + name, port, settings);
        AppProcesses.awaitReady(port, process);
        return process;
    }

    private static String upload(String base, String key, Path file) {
        String uploadUrl = Api.uploadUrl(given().baseUri(base).header("Authorization", "Bearer " + key));
        return given().contentType("video/mp4")
                .body(TestMedia.bytes(file))
                .put(uploadUrl)
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
    }

    private static String create(String base, String key, String body) {
        return given().baseUri(base)
                .header("Authorization", "Bearer " + key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/transforms")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
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
        String mediaId = upload(base, key, TestMedia.video(640, 360, 120));
        String taskId = create(
                base,
                key,
                "{\"media_id\": \"" + mediaId + "\", \"kind\": \"video\", \"format\": \"webm\", "
                        + "\"height\": 240, \"end\": 20}");
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
