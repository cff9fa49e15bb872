package io.mediawerk.health;

import io.mediawerk.storage.Storage;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the S3 bucket answers. */
@Readiness
@ApplicationScoped
public class StorageReadiness implements AsyncHealthCheck {

    private final Storage storage;

    public StorageReadiness(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return storage.ping(Duration.ofSeconds(3))
                .map(ignored -> HealthCheckResponse.named("s3")
                        .up()
                        .withData("bucket", storage.bucket())
                        .build())
                .onFailure()
                .recoverWithItem(e -> HealthCheckResponse.named("s3")
                        .down()
                        .withData("bucket", storage.bucket())
                        .withData("error", String.valueOf(e.getMessage()))
                        .build());
    }
}
