package io.mediawerk.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A local run killed with SIGKILL leaves its embedded PostgreSQL running (it is a process of its own); the next run
 * on the same folder and ports stops that orphan and starts with the data intact. The stack runs in its own JVM
 * (LocalStackMain, the same code as {@code quarkus:dev}'s), so that it can be killed like a real local run.
 */
@Tag("stack")
class LocalStackRestartTest {

    private final Path folder = Path.of("target", "local-stack-restart", String.valueOf(System.nanoTime()));
    private final List<Process> runs = new ArrayList<>();
    private final int postgres = Ports.freePort();
    private final int kafka = Ports.freePort();
    private final int controller = Ports.freePort();
    private final int s3 = Ports.freePort();

    @AfterEach
    void stopEverything() {
        runs.forEach(run -> {
            run.destroy();
            try {
                run.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        StalePostgres.runningPostmaster(folder.resolve("postgres")).ifPresent(ProcessHandle::destroy);
    }

    @Test
    void aRunKilledWithSigkillIsFollowedByOneThatStartsWithItsData() throws Exception {
        Process first = startRun();
        try (Connection db = connect();
                Statement sql = db.createStatement()) {
            sql.execute("create table kept (answer int)");
            sql.execute("insert into kept values (42)");
        }

        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(StalePostgres.runningPostmaster(folder.resolve("postgres")))
                .as("the embedded PostgreSQL outlives a JVM killed with SIGKILL")
                .isPresent();

        startRun();
        try (Connection db = connect();
                Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("select answer from kept")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void aRunDoesNotTakeTheFolderOfAnotherThatIsAlive() throws Exception {
        startRun();
        Process second = launch();
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(second.getInputStream().readAllBytes())).contains("belongs to another running process");
        try (Connection db = connect()) {
            assertThat(db.isValid(5))
                    .as("the first run's PostgreSQL is untouched")
                    .isTrue();
        }
    }

    private Process startRun() throws Exception {
        Process run = launch();
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream()))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.contains("local stack ready")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(ready.get(3, TimeUnit.MINUTES))
                .as("the local stack in %s started", folder)
                .isTrue();
        return run;
    }

    private Process launch() throws IOException {
        Files.createDirectories(folder);
        Process run = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LocalStackMain.class.getName(),
                        folder.toString(),
                        String.valueOf(postgres),
                        String.valueOf(kafka),
                        String.valueOf(controller),
                        String.valueOf(s3))
                .redirectErrorStream(true)
                .start();
        runs.add(run);
        return run;
    }

    /** The driver itself rather than DriverManager, which misses it under Quarkus' test class loaders. */
    private Connection connect() throws SQLException {
        Properties user = new Properties();
        user.setProperty("user", "postgres");
        return new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:" + postgres + "/postgres", user);
    }
}
