package io.mediawerk.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.io.IOException;
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

/**
 * Packaged Mediawerk processes on the test stack, for tests that kill and restart instances: each gets its roles
 * as settings, logs to {@code target/<folder>/<name>.log}, and is killed when the test ends.
 */
public final class AppProcesses implements AutoCloseable {

    private final Map<String, String> stack = new TestStack().start();
    private final List<Process> processes = new ArrayList<>();
    private final Path logs;

    /** The log of the process started as {@code name}. */
    public Path log(String name) {
        return logs.resolve(name + ".log");
    }

    public AppProcesses(String logFolder) {
        try {
            this.logs = Files.createDirectories(Path.of("target", logFolder));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the app on {@code port} with these settings (roles, mostly) as system properties. */
    public Process launch(String name, int port, Map<String, String> settings) {
        return launch(name, port, "512m", settings);
    }

    /**
     * The same with a maximum heap ({@code 256m}); like the container images, the JVM exits on an
     * OutOfMemoryError rather than running on half-broken.
     */
    public Process launch(String name, int port, String heap, Map<String, String> settings) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-XX:+ExitOnOutOfMemoryError",
                "-Dquarkus.profile=test",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dmediawerk.public-base-url=http://127.0.0.1:" + port,
                "-Daws.requestChecksumCalculation=when_required",
                "-Daws.responseChecksumValidation=when_required"));
        settings.forEach((setting, value) -> command.add("-D" + setting + "=" + value));
        stack.forEach((setting, value) -> {
            if (!setting.startsWith("quarkus.http.") && !setting.equals("mediawerk.public-base-url")) {
                command.add("-D" + setting + "=" + value);
            }
        });
        command.addAll(List.of("-jar", System.getProperty("mediawerk.app.jar")));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve(name + ".log").toFile())
                    .start();
            processes.add(process);
            return process;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + name, e);
        }
    }

    public static void awaitReady(int port, Process process) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    assertThat(process.isAlive())
                            .as("the process started on port " + port + " stays up")
                            .isTrue();
                    try {
                        return given().baseUri("http://127.0.0.1:" + port)
                                        .get("/q/health/ready")
                                        .statusCode()
                                == 200;
                    } catch (Exception notYet) {
                        return false;
                    }
                });
    }

    /** A new project's key, made through the instance at {@code base}. */
    public static String projectKey(String base, String name) {
        String admin = "Bearer " + TestStack.adminKey();
        String project = given().baseUri(base)
                .header("Authorization", admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .post("/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        return given().baseUri(base)
                .header("Authorization", admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .post("/projects/" + project + "/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("data.key");
    }

    /** The first column of the first row of a query with string parameters, as a number. */
    public long query(String sql, String... parameters) {
        String url = "jdbc:" + stack.get("quarkus.datasource.reactive.url");
        try (Connection db = DriverManager.getConnection(url, stack.get("quarkus.datasource.username"), "");
                PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL to the process and everything it started, as when its container dies. */
    public static void kill(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        processes.forEach(AppProcesses::kill);
    }
}
