package io.mediawerk.health;

import io.mediawerk.database.ChangeFeed;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers; says so at once, even when the database hangs. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private final ChangeFeed database;

    public DatabaseReadiness(ChangeFeed database) {
        this.database = database;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database answers")
                .status(database.databaseAnswers())
                .build();
    }
}
