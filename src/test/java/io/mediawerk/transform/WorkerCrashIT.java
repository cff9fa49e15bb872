package io.mediawerk.transform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediawerk.localstack.Ports;
import io.mediawerk.testing.TestMedia;
import io.mediawerk.testing.TestStack;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
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

    private final List<Process> processes = new ArrayList<>();
    private final Map<String, String> stack = new TestStack().start();

    private String test;

    @BeforeEach
    void name(TestInfo info) {
        test = info.getTestMethod().map(method -> method.getName()).orElse("test");
    }

    @AfterEach
    void stopAll() {
        processes.forEach(WorkerCrashIT::kill);
    }

    @Test
    void aTransformWhoseWorkerIsKilledCompletesOnceOnAnotherWorker() throws Exception {
        Running running = startTransformOnAWorker();

        kill(running.worker());
        launch("worker-2", Ports.freePort(), true);

        awaitCompleted(running);
        assertThat(query("select attempts from tasks where id = ?", running.taskId())).isEqualTo(2L);
        assertOneOutput(running);
    }

    @Test
    void aWorkerStoppedWithSigtermHandsItsTransformBack() throws Exception {
        Running running = startTransformOnAWorker();

        running.worker().destroy();
        assertThat(running.worker().waitFor(40, TimeUnit.SECONDS)).as("the worker stops within its grace").isTrue();
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(line -> line.contains(running.taskId())).orElse(false))).as("no ffmpeg of the task is left")
                .isEmpty();
        launch("worker-3", Ports.freePort(), true);

        awaitCompleted(running);
        // handed back, not interrupted: the stopped run does not count as an attempt
        assertThat(query("select attempts from tasks where id = ?", running.taskId())).isEqualTo(1L);
        assertOneOutput(running);
    }

    /** A transform in progress on a worker process, with an API-only process beside it. */
    private record Running(String base, String key, String mediaId, String taskId, Process worker) {
    }

    private Running startTransformOnAWorker() throws Exception {
        int apiPort = Ports.freePort();
        Process api = launch("api", apiPort, false);
        Process worker = launch("worker-1", Ports.freePort(), true);
        awaitReady(apiPort, api);
        String base = "http://127.0.0.1:" + apiPort;
        String key = projectKey(base);
        String uploadUrl = given().baseUri(base).header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                .body("{}").post("/uploads").then().statusCode(201).extract().path("data.url");
        String mediaId = given().contentType("video/mp4").body(TestMedia.bytes(TestMedia.video(640, 360, 120)))
                .put(uploadUrl).then().statusCode(201).extract().path("data.id");
        String taskId = given().baseUri(base).header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                .body("{\"media_id\": \"" + mediaId + "\", \"kind\": \"video\", \"format\": \"webm\", "
                        + "\"height\": 240, \"end\": 20}").post("/transforms").then().statusCode(201).extract()
                .path("data.id");
        await().atMost(Duration.ofMinutes(3)).until(() -> get(base, key, taskId).<Float>path("data.progress") > 0.1);
        return new Running(base, key, mediaId, taskId, worker);
    }

    private static void awaitCompleted(Running running) {
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> "completed".equals(get(running.base(), running.key(), running.taskId())
                        .path("data.status")));
    }

    private void assertOneOutput(Running running) throws Exception {
        assertThat(query("select count(*) from sources where transform_id = ?", running.taskId())).isEqualTo(1L);
        Response media = given().baseUri(running.base()).header("Authorization", "Bearer " + running.key())
                .get("/media/" + running.mediaId());
        assertThat(media.<List<?>>path("data.sources")).hasSize(2);
    }

    private Process launch(String name, int port, boolean runsTransforms) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-Dquarkus.profile=test", "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port, "-Dmediawerk.public-base-url=http://127.0.0.1:" + port,
                "-Dmp.messaging.incoming.transforms.enabled=" + runsTransforms,
                "-Daws.requestChecksumCalculation=when_required", "-Daws.responseChecksumValidation=when_required"));
        stack.forEach((setting, value) -> {
            if (!setting.startsWith("quarkus.http.") && !setting.equals("mediawerk.public-base-url")) {
                command.add("-D" + setting + "=" + value);
            }
        });
        command.addAll(List.of("-jar", System.getProperty("mediawerk.app.jar")));
        Path log = Files.createDirectories(Path.of("target", "worker-crash-it")).resolve(test + "-" + name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        if (runsTransforms) {
            awaitReady(port, process);
        }
        return process;
    }

    private static void awaitReady(int port, Process process) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as("the process started on port " + port + " stays up").isTrue();
            try {
                return given().baseUri("http://127.0.0.1:" + port).get("/q/health/ready").statusCode() == 200;
            } catch (Exception notYet) {
                return false;
            }
        });
    }

    private static String projectKey(String base) {
        String admin = "Bearer " + TestStack.adminKey();
        String project = given().baseUri(base).header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"name\": \"crash\"}").post("/projects").then().statusCode(201).extract().path("data.id");
        return given().baseUri(base).header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"name\": \"crash\"}").post("/projects/" + project + "/keys").then().statusCode(201)
                .extract().path("data.key");
    }

    private static Response get(String base, String key, String taskId) {
        return given().baseUri(base).header("Authorization", "Bearer " + key).get("/transforms/" + taskId);
    }

    private long query(String sql, String id) throws Exception {
        String url = "jdbc:" + stack.get("quarkus.datasource.reactive.url");
        try (Connection db = DriverManager.getConnection(url, stack.get("quarkus.datasource.username"), "");
             PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, id);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** SIGKILL to the process and everything it started, as when its container dies. */
    private static void kill(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
