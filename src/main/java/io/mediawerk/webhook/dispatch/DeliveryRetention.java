package io.mediawerk.webhook.dispatch;

import io.mediawerk.api.Times;
import io.mediawerk.config.WebhookSettings;
import io.mediawerk.webhook.delivery.DeliveryRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Deletes deliveries (with their attempts) older than {@code mediawerk.webhooks.keep-deliveries}. */
@ApplicationScoped
public class DeliveryRetention {

    private final DeliveryRepository deliveries;
    private final Duration keep;

    public DeliveryRetention(DeliveryRepository deliveries, WebhookSettings webhookSettings) {
        this.deliveries = deliveries;
        this.keep = webhookSettings.keepDeliveries();
    }

    @Scheduled(
            every = "1h",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @WithTransaction
    Uni<Void> deleteOld() {
        return deliveries
                .deleteCreatedBefore(Times.now().minus(keep))
                .invoke(deleted -> {
                    if (deleted > 0) {
                        Log.infof("Deleted %d webhook deliveries older than %s", deleted, keep);
                    }
                })
                .replaceWithVoid();
    }
}
