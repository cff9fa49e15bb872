package io.mediawerk.webhook.dispatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The dispatcher role's events consumer: each batch of events becomes deliveries in one transaction, and only then
 * is the batch acknowledged, so an event is never lost between Kafka and the database; while the database is
 * unreachable the batch is retried, not skipped. A batch seen again makes no second delivery.
 */
@ApplicationScoped
public class EventFanout {

    private final DeliveryLedger ledger;
    private final DeliverySender sender;
    private final ObjectMapper json;

    public EventFanout(DeliveryLedger ledger, DeliverySender sender, ObjectMapper json) {
        this.ledger = ledger;
        this.sender = sender;
        this.json = json;
    }

    @Incoming("events")
    public Uni<Void> consume(List<String> payloads) {
        List<PublishedEvent> events = new ArrayList<>(payloads.size());
        for (String payload : payloads) {
            try {
                events.add(PublishedEvent.parse(json, payload));
            } catch (Exception e) {
                Log.errorf("Skipping a message of the events topic that is not an event: %s", e.getMessage());
            }
        }
        long started = System.nanoTime();
        return ledger.fanOut(events)
                .onFailure()
                .invoke(e -> Log.warnf(
                        "Making webhook deliveries of %d events failed, retrying: %s", events.size(), e.toString()))
                .onFailure()
                .retry()
                .withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30))
                .indefinitely()
                .invoke(made -> {
                    if (Log.isDebugEnabled() && !events.isEmpty()) {
                        Log.debugf(
                                "%d events (oldest made %d ms before) became %d deliveries in %d ms, %d waiting",
                                events.size(),
                                Duration.between(events.get(0).created(), Instant.now())
                                        .toMillis(),
                                made.now().size() + made.waiting(),
                                (System.nanoTime() - started) / 1_000_000,
                                made.waiting());
                    }
                    sender.sendAll(made.now());
                    if (made.waiting() > 0) {
                        sender.wake();
                    }
                })
                .replaceWithVoid();
    }
}
