package io.mediawerk.testing;

import io.mediawerk.auth.KeyMaterial;
import io.mediawerk.localstack.LocalStack;
import io.mediawerk.localstack.LocalStackSettings;
import io.mediawerk.localstack.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real PostgreSQL, Kafka and S3 for the tests: the same embedded stack as the local run, in a fresh folder
 * under target/ with free ports. Started once per test JVM and reused by every Quarkus restart.
 */
public class TestStack implements QuarkusTestResourceLifecycleManager {

    private static final String PREFIX = "io.mediawerk.test-stack.";

    @Override
    public Map<String, String> start() {
        LocalStackSettings settings = settings();
        LocalStack.ensureStarted(settings);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.reactive.url", settings.postgresReactiveUrl());
        config.put("quarkus.datasource.username", LocalStackSettings.DATABASE_USER);
        config.put("kafka.bootstrap.servers", settings.kafkaBootstrapServers());
        config.put("quarkus.s3.endpoint-override", settings.s3Endpoint());
        config.put("quarkus.s3.aws.credentials.type", "static");
        config.put("quarkus.s3.aws.credentials.static-provider.access-key-id", settings.s3AccessKey());
        config.put("quarkus.s3.aws.credentials.static-provider.secret-access-key", settings.s3SecretKey());
        config.put("mediawerk.admin-key", adminKey());
        // links and upload URLs must point at the port the tests really use
        String httpPort = value("http-port", () -> String.valueOf(Ports.freePort()));
        config.put("quarkus.http.test-port", httpPort);
        config.put("mediawerk.public-base-url", "http://127.0.0.1:" + httpPort);
        // domain verification asks the test's DNS server and checks HTTP tokens on the test's file server
        config.put(
                "mediawerk.domains.dns-server", "127.0.0.1:" + TestDns.shared().port());
        config.put(
                "mediawerk.domains.http-port",
                String.valueOf(FileServer.shared().port()));
        return config;
    }

    @Override
    public void stop() {
        // The stack outlives Quarkus restarts between test profiles; a JVM shutdown hook stops it.
    }

    /** The org (admin) key registered for this test run. */
    public static synchronized String adminKey() {
        return System.getProperties()
                .computeIfAbsent(PREFIX + "admin-key", k -> KeyMaterial.newKey())
                .toString();
    }

    /** Stops or starts one component ({@code postgres}, {@code kafka}, {@code s3}) to simulate an outage. */
    public static void control(String component, String action) {
        LocalStack.control(settings().dataDir(), component, action);
    }

    /**
     * Stops (SIGSTOP) or resumes (SIGCONT) every process of the stack's PostgreSQL: a hung or partitioned database,
     * which refuses nothing and answers nothing.
     */
    public static void freezePostgres(boolean frozen) {
        Path pidFile = settings().dataDir().resolve("postgres").resolve("postmaster.pid");
        List<String> command = new ArrayList<>(List.of("kill", frozen ? "-STOP" : "-CONT"));
        try {
            ProcessHandle postmaster = ProcessHandle.of(
                            Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
                    .orElseThrow();
            command.add(String.valueOf(postmaster.pid()));
            postmaster.descendants().forEach(child -> command.add(String.valueOf(child.pid())));
            if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
                throw new IllegalStateException("kill failed: " + command);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static synchronized LocalStackSettings settings() {
        Path dir = Path.of(value("dir", () -> "target/test-stack/" + System.currentTimeMillis()));
        return new LocalStackSettings(
                dir,
                Integer.parseInt(value("postgres-port", () -> String.valueOf(Ports.freePort()))),
                Integer.parseInt(value("kafka-port", () -> String.valueOf(Ports.freePort()))),
                Integer.parseInt(value("kafka-controller-port", () -> String.valueOf(Ports.freePort()))),
                Integer.parseInt(value("s3-port", () -> String.valueOf(Ports.freePort()))),
                "test-access",
                "test-secret");
    }

    private static String value(String name, java.util.function.Supplier<String> initial) {
        return System.getProperties()
                .computeIfAbsent(PREFIX + name, k -> initial.get())
                .toString();
    }
}
