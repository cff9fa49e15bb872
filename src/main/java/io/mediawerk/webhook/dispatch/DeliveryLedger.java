package io.mediawerk.webhook.dispatch;

import io.mediawerk.api.Ids;
import io.mediawerk.api.Times;
import io.mediawerk.config.MediawerkConfig;
import io.mediawerk.webhook.Webhook;
import io.mediawerk.webhook.WebhookRepository;
import io.mediawerk.webhook.WebhookSecrets;
import io.mediawerk.webhook.delivery.Delivery;
import io.mediawerk.webhook.delivery.DeliveryAttempt;
import io.mediawerk.webhook.delivery.DeliveryAttemptRepository;
import io.mediawerk.webhook.delivery.DeliveryRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dispatcher's database work: events become deliveries, due deliveries are leased to this instance, and each
 * attempt is recorded with what follows from it (done, retry later, give up, disable the webhook), each step in
 * one transaction.
 */
@ApplicationScoped
public class DeliveryLedger {

    /** A leased delivery with what sending it needs. */
    public record Send(Delivery delivery, URI url, List<String> secrets) {
    }

    /** Time after a POST's timeout for its outcome to be recorded, before another dispatcher may send it again. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(10);

    private final String owner = "dispatcher-" + UUID.randomUUID();
    private final DeliveryRepository deliveries;
    private final DeliveryAttemptRepository attempts;
    private final WebhookRepository webhooks;
    private final WebhookSecrets secrets;
    private final RetrySchedule schedule;
    private final MediawerkConfig.Webhooks settings;

    public DeliveryLedger(DeliveryRepository deliveries, DeliveryAttemptRepository attempts,
                          WebhookRepository webhooks, WebhookSecrets secrets, RetrySchedule schedule,
                          MediawerkConfig config) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.webhooks = webhooks;
        this.secrets = secrets;
        this.schedule = schedule;
        this.settings = config.webhooks();
    }

    /**
     * One delivery per event and active webhook of its project that subscribes to its type and existed when it
     * happened; an event seen twice makes nothing new.
     *
     * @return deliveries made
     */
    @WithTransaction
    public Uni<Integer> fanOut(List<PublishedEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<String> projects = events.stream().map(PublishedEvent::projectId).distinct().toList();
        return webhooks.activeOf(projects).chain(active -> {
            Map<String, List<Webhook>> byProject = active.stream()
                    .collect(Collectors.groupingBy(webhook -> webhook.projectId));
            Instant now = Times.now();
            List<Delivery> made = new ArrayList<>();
            for (PublishedEvent event : events) {
                for (Webhook webhook : byProject.getOrDefault(event.projectId(), List.of())) {
                    if (webhook.wants(event.type()) && !webhook.created.isAfter(event.created())) {
                        made.add(delivery(event, webhook, now));
                    }
                }
            }
            return Multi.createFrom().iterable(made).onItem().transformToUniAndConcatenate(deliveries::insertOnce)
                    .collect().with(Collectors.summingInt(Integer::intValue));
        });
    }

    /** Leases due deliveries to this instance; deliveries of webhooks disabled meanwhile end without a send. */
    @WithTransaction
    public Uni<List<Send>> claim(int max, Collection<String> busyWebhooks) {
        Instant now = Times.now();
        Instant until = now.plus(settings.timeout()).plus(LEASE_MARGIN);
        return deliveries.claimDue(owner, until, max, settings.maxInFlightPerWebhook(), busyWebhooks, now)
                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(List.<Send>of())
                        : webhooks.byIds(claimed.stream().map(delivery -> delivery.webhookId).distinct().toList())
                        .chain(found -> sendable(claimed, found.stream()
                                .collect(Collectors.toMap(webhook -> webhook.id, Function.identity())), now)));
    }

    /**
     * Records an attempt and what follows from it.
     *
     * @return when the delivery is tried next; null when it is done (succeeded, given up, or taken over meanwhile)
     */
    @WithTransaction
    public Uni<Instant> record(Send send, AttemptOutcome outcome) {
        Delivery delivery = send.delivery();
        Instant now = Times.now();
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.deliveryId = delivery.id;
        attempt.attempted = now.minusMillis(outcome.durationMs());
        attempt.statusCode = outcome.statusCode();
        attempt.durationMs = outcome.durationMs();
        attempt.error = outcome.error();
        attempt.response = outcome.response();
        return attempts.persist(attempt).chain(() -> outcome.succeeded() ? succeeded(delivery, outcome, now)
                : failed(delivery, outcome, now));
    }

    private Uni<Instant> succeeded(Delivery delivery, AttemptOutcome outcome, Instant now) {
        return deliveries.settle(delivery.id, owner, Delivery.SUCCEEDED, null, outcome.statusCode(), null, now)
                .call(() -> webhooks.succeeded(delivery.webhookId))
                .replaceWith((Instant) null);
    }

    private Uni<Instant> failed(Delivery delivery, AttemptOutcome outcome, Instant now) {
        Instant next = schedule.next(delivery.attempts + 1, now, delivery.retryUntil);
        return deliveries.settle(delivery.id, owner, next == null ? Delivery.FAILED : Delivery.PENDING, next,
                        outcome.statusCode(), outcome.error(), now)
                .call(() -> webhooks.failed(delivery.webhookId, now))
                .call(() -> webhooks.disableIfFailingSince(delivery.webhookId, now.minus(settings.disableAfter()),
                        disabledReason(outcome, now), now))
                .map(settled -> settled ? next : null);
    }

    private Uni<List<Send>> sendable(List<Delivery> claimed, Map<String, Webhook> byId, Instant now) {
        List<Send> sends = new ArrayList<>();
        List<Uni<Integer>> abandoned = new ArrayList<>();
        for (Delivery delivery : claimed) {
            Webhook webhook = byId.get(delivery.webhookId);
            if (webhook == null || !webhook.isActive()) {
                abandoned.add(deliveries.abandon(delivery.id, owner, "Not sent: the webhook was disabled"
                        + (webhook == null || webhook.disabledReason == null ? "." : " (" + webhook.disabledReason
                        + ")."), now));
                continue;
            }
            try {
                sends.add(new Send(delivery, URI.create(webhook.url), signingSecrets(webhook, now)));
            } catch (IllegalStateException unreadable) {
                abandoned.add(deliveries.abandon(delivery.id, owner, unreadable.getMessage(), now));
            }
        }
        return Multi.createFrom().iterable(abandoned).onItem().transformToUniAndConcatenate(Function.identity())
                .collect().last().replaceWith(sends);
    }

    private List<String> signingSecrets(Webhook webhook, Instant now) {
        List<String> signing = new ArrayList<>(List.of(secrets.open(webhook.secret)));
        if (webhook.previousSecret != null && webhook.previousSecretExpires != null
                && webhook.previousSecretExpires.isAfter(now)) {
            signing.add(secrets.open(webhook.previousSecret));
        }
        return signing;
    }

    private String disabledReason(AttemptOutcome outcome, Instant now) {
        return "Disabled automatically at " + now + ": every delivery attempt failed for "
                + settings.disableAfter().toString().substring(2).toLowerCase() + " or longer. Last error: "
                + outcome.error() + " Fix the receiver, then set status to active; failed deliveries can be resent.";
    }

    private Delivery delivery(PublishedEvent event, Webhook webhook, Instant now) {
        Delivery delivery = new Delivery();
        delivery.id = Ids.newId("dlv");
        delivery.webhookId = webhook.id;
        delivery.projectId = event.projectId();
        delivery.eventId = event.id();
        delivery.eventType = event.type();
        delivery.payload = event.payload();
        delivery.status = Delivery.PENDING;
        delivery.nextAttempt = now;
        delivery.retryUntil = now.plus(settings.retryFor());
        delivery.created = now;
        delivery.updated = now;
        return delivery;
    }
}
