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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A worker process killed with SIGKILL in the middle of a transform (its ffmpeg with it, as when a container dies):
 * the task is rescued and completed by another worker process, once, with one output. Runs the packaged app.
 */
class WorkerCrashIT {

    private final List<Process> processes = new ArrayList<>();
    private final Map<String, String> stack = new TestStack().start();

    @AfterEach
    void stopAll() {
        processes.forEach(WorkerCrashIT::kill);
    }

    @Test
    void aTransformWhoseWorkerIsKilledCompletesOnceOnAnotherWorker() throws Exception {
        int apiPort = Ports.freePort();
        Process api = launch("api", apiPort, false);
        Process firstWorker = launch("worker-1", Ports.freePort(), true);
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
        kill(firstWorker);
        Process secondWorker = launch("worker-2", Ports.freePort(), true);

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> "completed".equals(get(base, key, taskId).path("data.status")));
        assertThat(secondWorker.isAlive()).isTrue();
        assertThat(query("select attempts from tasks where id = ?", taskId)).isEqualTo(2L);
        assertThat(query("select count(*) from sources where transform_id = ?", taskId)).isEqualTo(1L);
        Response media = given().baseUri(base).header("Authorization", "Bearer " + key).get("/media/" + mediaId);
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
        Path log = Files.createDirectories(Path.of("target", "worker-crash-it")).resolve(name + ".log");
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
