package io.mediawerk.startup;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * Versioned schema migrations (Flyway, {@code db/migration}), run over a short-lived JDBC connection; the service
 * itself only talks to PostgreSQL reactively. Flyway's lock table makes concurrent starts safe.
 */
@ApplicationScoped
public class DatabaseMigrations {

    private final String reactiveUrl;
    private final Optional<String> username;
    private final Optional<String> password;

    public DatabaseMigrations(
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.reactiveUrl = reactiveUrl;
        this.username = username;
        this.password = password;
    }

    public void migrate() {
        var result = Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(jdbcUrl(reactiveUrl), username.orElse(null), password.orElse(null))
                .locations("classpath:db/migration")
                .load()
                .migrate();
        Log.infof(
                "Database schema at version %s (%d migrations applied now)",
                result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                result.migrationsExecuted);
    }

    /** {@code postgresql://host:port/db?x=y} (the reactive client's form) as a JDBC URL. */
    static String jdbcUrl(String reactiveUrl) {
        String url = reactiveUrl.startsWith("vertx-reactive:")
                ? reactiveUrl.substring("vertx-reactive:".length())
                : reactiveUrl;
        if (url.startsWith("jdbc:")) {
            return url;
        }
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            throw new IllegalArgumentException("quarkus.datasource.reactive.url must look like "
                    + "postgresql://host:port/database, not '" + reactiveUrl + "'");
        }
        return "jdbc:postgresql" + url.substring(scheme);
    }
}
