package io.mediawerk.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL (zonky binaries) on 127.0.0.1 whose cluster survives restarts, crashes of the JVM that started it
 * included ({@link StalePostgres}).
 */
final class EmbeddedPostgresServer implements EmbeddedServer {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres postgres;

    EmbeddedPostgresServer(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        StalePostgres.stopIfOrphaned(dataDir);
        Ports.requireFree(port, "PostgreSQL", "MEDIAWERK_LOCAL_STACK_POSTGRES_PORT");
        try {
            Files.createDirectories(dataDir);
            StalePostgres.recordOwner(dataDir);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", LocalStackSettings.HOST)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(true)
                    .start();
        } catch (IOException e) {
            throw new LocalStackException("PostgreSQL did not start in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new LocalStackException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        } finally {
            postgres = null;
        }
    }
}
