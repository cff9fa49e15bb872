package io.mediawerk.health;

import io.mediawerk.storage.BufferBudget;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while uploads wait for buffer memory or were turned away in the last seconds, so that a load balancer
 * sends new uploads to an instance with room. Liveness is unaffected: a saturated instance is busy, not broken.
 */
@Readiness
@ApplicationScoped
public class UploadMemoryReadiness implements HealthCheck {

    private final BufferBudget memory;

    public UploadMemoryReadiness(BufferBudget memory) {
        this.memory = memory;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("upload-memory")
                .status(!memory.saturated())
                .withData("waiting", memory.waiting())
                .withData("budget_bytes", memory.budgetBytes())
                .build();
    }
}
