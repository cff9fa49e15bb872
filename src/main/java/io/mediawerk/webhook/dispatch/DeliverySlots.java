package io.mediawerk.webhook.dispatch;

import io.mediawerk.config.WebhookSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * This dispatcher's room for deliveries: at most {@code max-in-flight} being sent or recorded, and at most {@code
 * max-in-flight-per-webhook} waiting for one webhook's receiver, so a slow receiver holds its own slots only.
 */
@ApplicationScoped
public class DeliverySlots {

    private final int max;
    private final int perWebhook;
    private final Map<String, Integer> atReceiver = new HashMap<>();
    private int inFlight;

    @Inject
    public DeliverySlots(WebhookSettings webhookSettings, MeterRegistry metrics) {
        this(webhookSettings.maxInFlight(), webhookSettings.maxInFlightPerWebhook());
        Gauge.builder("mediawerk.webhook.deliveries.in.flight", this, DeliverySlots::inFlight)
                .description("Webhook deliveries this dispatcher is sending or recording")
                .register(metrics);
    }

    DeliverySlots(int max, int perWebhook) {
        this.max = max;
        this.perWebhook = perWebhook;
    }

    /** Takes a slot for a delivery to this webhook, if there is room. */
    public synchronized boolean tryTake(String webhookId) {
        int atThisReceiver = atReceiver.getOrDefault(webhookId, 0);
        if (inFlight >= max || atThisReceiver >= perWebhook) {
            return false;
        }
        inFlight++;
        atReceiver.put(webhookId, atThisReceiver + 1);
        return true;
    }

    /** The receiver answered (or gave up): its webhook may take the next delivery while this one is recorded. */
    public synchronized void answered(String webhookId) {
        atReceiver.computeIfPresent(webhookId, (id, count) -> count > 1 ? count - 1 : null);
    }

    /** The attempt is recorded: the slot is free. */
    public synchronized void recorded() {
        inFlight--;
    }

    /** A slot taken for a delivery that is not sent after all. */
    public synchronized void giveBack(String webhookId) {
        answered(webhookId);
        recorded();
    }

    public synchronized int free() {
        return max - inFlight;
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    /** Webhooks with no room left, whose deliveries a claim need not look at. */
    public synchronized java.util.List<String> full() {
        return atReceiver.entrySet().stream()
                .filter(entry -> entry.getValue() >= perWebhook)
                .map(Map.Entry::getKey)
                .toList();
    }

    public int perWebhook() {
        return perWebhook;
    }
}
