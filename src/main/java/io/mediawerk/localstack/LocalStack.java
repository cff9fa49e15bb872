package io.mediawerk.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The embedded PostgreSQL, Kafka and S3 that the local run and the tests use instead of Docker.
 *
 * <p>One stack runs per JVM and data folder. Its handles are kept in the system properties, under JDK types only,
 * because dev-mode restarts and the test framework load this class in more than one class loader; all of them
 * must see the same running servers.
 */
public final class LocalStack {

    private static final String REGISTRY = "io.mediawerk.localstack.controls";
    private static final Logger LOG = Logger.getLogger(LocalStack.class);

    private LocalStack() {}

    /** Starts the stack for these settings unless this JVM already runs one for the same data folder. */
    public static synchronized void ensureStarted(LocalStackSettings settings) {
        String id = settings.dataDir().toAbsolutePath().normalize().toString();
        if (registry().containsKey(id)) {
            return;
        }
        long started = System.nanoTime();
        List<EmbeddedServer> servers = List.of(
                new EmbeddedPostgresServer(settings.dataDir().resolve("postgres"), settings.postgresPort()),
                new EmbeddedKafkaServer(
                        settings.dataDir().resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort()),
                new EmbeddedS3Server(
                        settings.dataDir().resolve("s3"),
                        settings.s3Port(),
                        settings.s3AccessKey(),
                        settings.s3SecretKey()));
        for (EmbeddedServer server : servers) {
            try {
                server.start();
            } catch (RuntimeException e) {
                stopAll(servers);
                throw e;
            }
        }
        Map<String, Runnable> controls = new LinkedHashMap<>();
        for (EmbeddedServer server : servers) {
            controls.put(server.name() + ".start", server::start);
            controls.put(server.name() + ".stop", server::stop);
        }
        registry().put(id, controls);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(servers), "mediawerk-local-stack-stop"));
        LOG.infof(
                "Local stack ready in %d ms (PostgreSQL :%d, Kafka :%d, S3 :%d), data in %s",
                (System.nanoTime() - started) / 1_000_000,
                settings.postgresPort(),
                settings.kafkaPort(),
                settings.s3Port(),
                id);
    }

    /**
     * Stops or starts one component of a running stack ({@code postgres}, {@code kafka}, {@code s3}); used to
     * check that Mediawerk survives an outage.
     */
    public static void control(Path dataDir, String component, String action) {
        String id = dataDir.toAbsolutePath().normalize().toString();
        Map<String, Runnable> controls = registry().get(id);
        Runnable control = controls == null ? null : controls.get(component + "." + action);
        if (control == null) {
            throw new IllegalArgumentException("No running local stack component " + component + " to " + action);
        }
        control.run();
    }

    private static void stopAll(List<EmbeddedServer> servers) {
        for (int i = servers.size() - 1; i >= 0; i--) {
            stopQuietly(servers.get(i));
        }
    }

    private static void stopQuietly(EmbeddedServer server) {
        try {
            server.stop();
        } catch (RuntimeException e) {
            LOG.warnf("Stopping the embedded %s failed: %s", server.name(), e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Runnable>> registry() {
        Properties properties = System.getProperties();
        synchronized (properties) {
            Object registry = properties.get(REGISTRY);
            if (registry == null) {
                registry = new ConcurrentHashMap<String, Map<String, Runnable>>();
                properties.put(REGISTRY, registry);
            }
            return (Map<String, Map<String, Runnable>>) registry;
        }
    }
}
