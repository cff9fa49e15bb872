package io.mediawerk.startup;

import io.mediawerk.auth.KeyMaterial;
import io.mediawerk.config.LocalRunSettings;
import io.mediawerk.jobs.TopicSetup;
import io.mediawerk.localstack.LocalStack;
import io.mediawerk.localstack.LocalStackSettings;
import io.mediawerk.storage.Storage;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What happens before Mediawerk serves: the embedded stack (local run), schema migrations, the bucket, the first
 * keys. In this order, each step needing the one before.
 */
@ApplicationScoped
public class StartupSequence {

    private final LocalRunSettings localStack;
    private final Optional<String> adminKey;
    private final DatabaseMigrations migrations;
    private final Storage storage;
    private final Bootstrap bootstrap;
    private final TopicSetup topics;
    private final int httpPort;

    public StartupSequence(
            LocalRunSettings localStack,
            @ConfigProperty(name = "mediawerk.admin-key") Optional<String> adminKey,
            DatabaseMigrations migrations,
            Storage storage,
            Bootstrap bootstrap,
            TopicSetup topics,
            @ConfigProperty(name = "quarkus.http.port") int httpPort) {
        this.localStack = localStack;
        this.adminKey = adminKey;
        this.migrations = migrations;
        this.storage = storage;
        this.bootstrap = bootstrap;
        this.topics = topics;
        this.httpPort = httpPort;
    }

    void onStart(@Observes @Priority(1) StartupEvent event) throws Throwable {
        if (localStack.enabled()) {
            LocalStack.ensureStarted(localStackSettings(localStack));
        }
        migrations.migrate();
        storage.ensureBucket(Duration.ofSeconds(10));
        topics.ensureTopics();
        if (adminKey.isPresent()) {
            String key = adminKey.get();
            if (!key.startsWith(KeyMaterial.PREFIX) || key.length() < 36) {
                throw new IllegalStateException("MEDIAWERK_ADMIN_KEY must start with '" + KeyMaterial.PREFIX
                        + "' and be at least 36 characters long (e.g. mwk_ and 40 random letters and digits).");
            }
            VertxContextSupport.subscribeAndAwait(() -> bootstrap.registerAdminKey(key));
        }
        if (localStack.enabled()) {
            Bootstrap.FirstKeys keys = VertxContextSupport.subscribeAndAwait(bootstrap::createFirstKeysIfEmpty);
            if (keys != null) {
                announceFirstKeys(keys);
            }
            Path dataDir = Path.of(localStack.dataDir()).toAbsolutePath().normalize();
            Log.infof(
                    "%n  Mediawerk is running%n  API:        http://localhost:%d%n  Swagger UI: http://localhost:%d"
                            + "/q/swagger-ui%n  Data:       %s%n  Keys:       %s%n",
                    httpPort, httpPort, dataDir, dataDir.resolve(CREDENTIALS_FILE));
        }
    }

    static final String CREDENTIALS_FILE = "credentials.env";

    private void announceFirstKeys(Bootstrap.FirstKeys keys) throws IOException {
        Path file = Path.of(localStack.dataDir()).toAbsolutePath().normalize().resolve(CREDENTIALS_FILE);
        String text = "# Mediawerk keys made on first start; they are not shown again.\n"
                + "MEDIAWERK_ORG_ID=" + keys.orgId() + "\n"
                + "MEDIAWERK_PROJECT_ID=" + keys.project().id() + "\n"
                + "MEDIAWERK_ADMIN_KEY=" + keys.orgKey().key() + "\n"
                + "MEDIAWERK_PROJECT_KEY=" + keys.projectKey().key() + "\n";
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Log.infof(
                "%n  First start: made organisation %s and project %s.%n  Admin (org) key:  %s%n"
                        + "  Project key:      %s%n  Saved to %s (shown only this once).%n",
                keys.orgId(),
                keys.project().id(),
                keys.orgKey().key(),
                keys.projectKey().key(),
                file);
    }

    public static LocalStackSettings localStackSettings(LocalRunSettings local) {
        return new LocalStackSettings(
                Path.of(local.dataDir()),
                local.postgresPort(),
                local.kafkaPort(),
                local.kafkaControllerPort(),
                local.s3Port(),
                local.s3AccessKey(),
                local.s3SecretKey());
    }
}
