package io.mediawerk.webhook.delivery;

import io.mediawerk.api.ApiException;
import io.mediawerk.api.Fields;
import io.mediawerk.api.Page;
import io.mediawerk.api.PageRequest;
import io.mediawerk.api.Times;
import io.mediawerk.config.WebhookSettings;
import io.mediawerk.events.EventType;
import io.mediawerk.webhook.Webhook;
import io.mediawerk.webhook.WebhookService;
import io.mediawerk.webhook.dispatch.DeliverySender;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/** A webhook's deliveries as the API shows them, and sending one again. */
@ApplicationScoped
public class DeliveryService {

    private final DeliveryRepository deliveries;
    private final DeliveryAttemptRepository attempts;
    private final WebhookService webhooks;
    private final DeliverySender sender;
    private final Duration retryFor;

    public DeliveryService(
            DeliveryRepository deliveries,
            DeliveryAttemptRepository attempts,
            WebhookService webhooks,
            DeliverySender sender,
            WebhookSettings webhookSettings) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.webhooks = webhooks;
        this.sender = sender;
        this.retryFor = webhookSettings.retryFor();
    }

    @WithSession
    public Uni<Page<DeliveryView>> list(
            String projectId, String webhookId, DeliveryRepository.Filter filter, PageRequest page) {
        check(filter);
        return webhooks.find(projectId, webhookId)
                .chain(webhook -> deliveries
                        .count(webhookId, filter)
                        .chain(total -> deliveries
                                .list(webhookId, filter, page)
                                .chain(list -> attempts.ofDeliveries(list.stream()
                                                .map(delivery -> delivery.id)
                                                .toList())
                                        .map(byDelivery -> new Page<>(
                                                list.stream()
                                                        .map(delivery -> DeliveryView.of(
                                                                delivery,
                                                                byDelivery.getOrDefault(delivery.id, List.of())))
                                                        .toList(),
                                                total,
                                                page)))));
    }

    @WithSession
    public Uni<DeliveryView> get(String projectId, String webhookId, String id) {
        return find(projectId, webhookId, id).chain(this::view);
    }

    /**
     * Sends a delivery again, with the same body and {@code webhook-id}, and a fresh retry window: a failed one
     * after the receiver is fixed, or a succeeded one the receiver lost.
     */
    public Uni<DeliveryView> resend(String projectId, String webhookId, String id) {
        return Panache.withTransaction(() -> resendNow(projectId, webhookId, id))
                .invoke(sender::wake);
    }

    private Uni<DeliveryView> resendNow(String projectId, String webhookId, String id) {
        return webhooks.find(projectId, webhookId)
                .chain(webhook -> findOf(webhook, id).chain(delivery -> {
                    if (!webhook.isActive()) {
                        throw ApiException.conflict(
                                "webhook_disabled",
                                "Webhook " + webhookId + " is disabled; set its "
                                        + "status to active before sending deliveries again.");
                    }
                    Instant now = Times.now();
                    if (Delivery.PENDING.equals(delivery.status)
                            && delivery.leaseUntil != null
                            && delivery.leaseUntil.isAfter(now)) {
                        throw ApiException.conflict(
                                "delivery_in_flight",
                                "Delivery " + id + " is being sent right now; "
                                        + "look at its attempts in a few seconds.");
                    }
                    delivery.status = Delivery.PENDING;
                    delivery.nextAttempt = now;
                    delivery.retryUntil = now.plus(retryFor);
                    delivery.updated = now;
                    return view(delivery);
                }));
    }

    private Uni<DeliveryView> view(Delivery delivery) {
        return attempts.ofDeliveries(List.of(delivery.id))
                .map(byDelivery -> DeliveryView.of(delivery, byDelivery.getOrDefault(delivery.id, List.of())));
    }

    private Uni<Delivery> find(String projectId, String webhookId, String id) {
        return webhooks.find(projectId, webhookId).chain(webhook -> findOf(webhook, id));
    }

    private Uni<Delivery> findOf(Webhook webhook, String id) {
        Fields.requireId(id, "dlv", "delivery");
        return deliveries
                .findOfWebhook(webhook.id, id)
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.notFound("delivery", id));
    }

    private static void check(DeliveryRepository.Filter filter) {
        if (filter.status() != null && !Delivery.STATUSES.contains(filter.status())) {
            throw ApiException.invalid(
                    "status", "status must be one of " + String.join(", ", new TreeSet<>(Delivery.STATUSES)) + ".");
        }
        if (filter.eventType() != null && !EventType.isKnown(filter.eventType())) {
            throw ApiException.invalid(
                    "event_type", "event_type must be one of " + String.join(", ", EventType.names()) + ".");
        }
    }
}
