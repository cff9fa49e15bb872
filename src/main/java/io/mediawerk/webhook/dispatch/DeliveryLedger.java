package io.mediawerk.webhook.dispatch;

import io.mediawerk.api.Ids;
import io.mediawerk.api.Times;
import io.mediawerk.config.WebhookSettings;
import io.mediawerk.reactive.InTurn;
import io.mediawerk.webhook.Webhook;
import io.mediawerk.webhook.WebhookRepository;
import io.mediawerk.webhook.WebhookSecrets;
import io.mediawerk.webhook.delivery.Delivery;
import io.mediawerk.webhook.delivery.DeliveryAttempt;
import io.mediawerk.webhook.delivery.DeliveryAttemptRepository;
import io.mediawerk.webhook.delivery.DeliveryRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dispatcher's database work: events become deliveries, due deliveries are leased to this instance, and each
 * attempt is recorded with what follows from it (done, retry later, give up, disable the webhook), each step in
 * one transaction. A delivery is leased to this instance whenever it holds a {@link DeliverySlots slot} for it, so
 * new deliveries with room are sent straight after they are made, without a claim.
 */
@ApplicationScoped
public class DeliveryLedger {

    /** A leased delivery with what sending it needs. */
    public record Send(Delivery delivery, URI url, List<String> secrets, boolean webhookFailing) {}

    /** What a batch of events became: deliveries to send now, and whether some wait for a claim. */
    public record FanOut(List<Send> now, int waiting) {}

    /** Time after a POST's timeout for its outcome to be recorded, before another dispatcher may send it again. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(10);

    private final String owner = "dispatcher-" + UUID.randomUUID();
    private final DeliveryRepository deliveries;
    private final DeliveryAttemptRepository attempts;
    private final WebhookRepository webhooks;
    private final WebhookSecrets secrets;
    private final RetrySchedule schedule;
    private final DeliverySlots slots;
    private final WebhookSettings settings;

    public DeliveryLedger(
            DeliveryRepository deliveries,
            DeliveryAttemptRepository attempts,
            WebhookRepository webhooks,
            WebhookSecrets secrets,
            RetrySchedule schedule,
            DeliverySlots slots,
            WebhookSettings webhookSettings) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.webhooks = webhooks;
        this.secrets = secrets;
        this.schedule = schedule;
        this.slots = slots;
        this.settings = webhookSettings;
    }

    /**
     * One delivery per event and active webhook of its project that subscribes to its type and existed when it
     * happened; an event seen twice makes nothing new. Deliveries with a free slot are leased to this instance and
     * returned to be sent at once; the others wait for a claim.
     */
    public Uni<FanOut> fanOut(List<PublishedEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(new FanOut(List.of(), 0));
        }
        return Uni.createFrom().deferred(() -> {
            List<Delivery> leased = new ArrayList<>();
            return Panache.withTransaction(() -> makeDeliveries(events, leased))
                    .onItemOrFailure()
                    .invoke((fanOut, failure) -> giveBackUnsent(leased, failure == null ? fanOut.now() : List.of()));
        });
    }

    private Uni<FanOut> makeDeliveries(List<PublishedEvent> events, List<Delivery> leased) {
        List<String> projects =
                events.stream().map(PublishedEvent::projectId).distinct().toList();
        return webhooks.activeOf(projects).chain(active -> {
            Map<String, List<Webhook>> byProject =
                    active.stream().collect(Collectors.groupingBy(webhook -> webhook.projectId));
            Map<String, Webhook> byId =
                    active.stream().collect(Collectors.toMap(webhook -> webhook.id, Function.identity()));
            Instant now = Times.now();
            Map<String, List<String>> signing = new java.util.HashMap<>();
            active.forEach(
                    webhook -> secrets.readableSigning(webhook, now).ifPresent(list -> signing.put(webhook.id, list)));
            List<Delivery> made = new ArrayList<>();
            for (PublishedEvent event : events) {
                for (Webhook webhook : byProject.getOrDefault(event.projectId(), List.of())) {
                    if (webhook.wants(event.type()) && !webhook.created.isAfter(event.created())) {
                        Delivery delivery = delivery(event, webhook, now);
                        if (signing.containsKey(webhook.id) && slots.tryTake(webhook.id)) {
                            delivery.leaseOwner = owner;
                            delivery.leaseUntil = leaseUntil(now);
                            leased.add(delivery);
                        }
                        made.add(delivery);
                    }
                }
            }
            return deliveries.insertNew(made).map(inserted -> {
                Set<String> insertedIds = new HashSet<>(inserted);
                List<Send> sends = leased.stream()
                        .filter(delivery -> insertedIds.contains(delivery.id))
                        .map(delivery -> new Send(
                                delivery,
                                URI.create(byId.get(delivery.webhookId).url),
                                signing.get(delivery.webhookId),
                                byId.get(delivery.webhookId).failingSince != null))
                        .toList();
                return new FanOut(sends, inserted.size() - sends.size());
            });
        });
    }

    /** Leases due deliveries to this instance as far as it has slots; those of disabled webhooks end unsent. */
    public Uni<List<Send>> claim() {
        return Uni.createFrom().deferred(() -> {
            List<Delivery> taken = new ArrayList<>();
            return Panache.withTransaction(() -> claimDue(taken))
                    .onItemOrFailure()
                    .invoke((sends, failure) -> giveBackUnsent(taken, failure == null ? sends : List.of()));
        });
    }

    private Uni<List<Send>> claimDue(List<Delivery> taken) {
        int free = slots.free();
        if (free <= 0) {
            return Uni.createFrom().item(List.of());
        }
        Instant now = Times.now();
        return deliveries
                .claimDue(owner, leaseUntil(now), free, slots.perWebhook(), slots.full(), now)
                .chain(claimed -> {
                    List<String> extra = new ArrayList<>();
                    for (Delivery delivery : claimed) {
                        if (slots.tryTake(delivery.webhookId)) {
                            taken.add(delivery);
                        } else {
                            extra.add(delivery.id);
                        }
                    }
                    return (extra.isEmpty()
                            ? Uni.createFrom().voidItem()
                            : deliveries.release(extra, owner).replaceWithVoid());
                })
                .chain(() -> taken.isEmpty()
                        ? Uni.createFrom().item(List.<Send>of())
                        : webhooks.byIds(taken.stream()
                                        .map(delivery -> delivery.webhookId)
                                        .distinct()
                                        .toList())
                                .chain(found -> sendable(
                                        List.copyOf(taken),
                                        found.stream()
                                                .collect(Collectors.toMap(webhook -> webhook.id, Function.identity())),
                                        now)));
    }

    /** Slots taken for deliveries that are not sent after all (not made, abandoned, or the transaction failed). */
    private void giveBackUnsent(List<Delivery> taken, List<Send> sending) {
        Set<String> sent = sending.stream().map(send -> send.delivery().id).collect(Collectors.toSet());
        taken.stream()
                .filter(delivery -> !sent.contains(delivery.id))
                .forEach(delivery -> slots.giveBack(delivery.webhookId));
    }

    private Instant leaseUntil(Instant now) {
        return now.plus(settings.timeout()).plus(LEASE_MARGIN);
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
        return attempts.persist(attempt)
                .chain(() -> outcome.succeeded() ? succeeded(send, outcome, now) : failed(delivery, outcome, now));
    }

    private Uni<Instant> succeeded(Send send, AttemptOutcome outcome, Instant now) {
        Delivery delivery = send.delivery();
        // a webhook that was not failing when this was claimed has no failing stretch to end (one starting since is
        // ended by the next success)
        return deliveries
                .settle(delivery.id, owner, Delivery.SUCCEEDED, null, outcome.statusCode(), null, now)
                .call(() -> send.webhookFailing()
                        ? webhooks.succeeded(delivery.webhookId)
                        : Uni.createFrom().voidItem())
                .replaceWith((Instant) null);
    }

    private Uni<Instant> failed(Delivery delivery, AttemptOutcome outcome, Instant now) {
        Instant next = schedule.next(delivery.attempts + 1, now, delivery.retryUntil);
        return deliveries
                .settle(
                        delivery.id,
                        owner,
                        next == null ? Delivery.FAILED : Delivery.PENDING,
                        next,
                        outcome.statusCode(),
                        outcome.error(),
                        now)
                .call(() -> webhooks.failed(delivery.webhookId, now))
                .call(() -> webhooks.disableIfFailingSince(
                        delivery.webhookId, now.minus(settings.disableAfter()), disabledReason(outcome, now), now))
                .map(settled -> settled ? next : null);
    }

    private Uni<List<Send>> sendable(List<Delivery> claimed, Map<String, Webhook> byId, Instant now) {
        List<Send> sends = new ArrayList<>();
        List<Uni<Integer>> abandoned = new ArrayList<>();
        for (Delivery delivery : claimed) {
            Webhook webhook = byId.get(delivery.webhookId);
            if (webhook == null || !webhook.isActive()) {
                abandoned.add(deliveries.abandon(
                        delivery.id,
                        owner,
                        "Not sent: the webhook was disabled"
                                + (webhook == null || webhook.disabledReason == null
                                        ? "."
                                        : " (" + webhook.disabledReason + ")."),
                        now));
                continue;
            }
            try {
                sends.add(new Send(
                        delivery,
                        URI.create(webhook.url),
                        secrets.signing(webhook, now),
                        webhook.failingSince != null));
            } catch (IllegalStateException unreadable) {
                abandoned.add(deliveries.abandon(delivery.id, owner, unreadable.getMessage(), now));
            }
        }
        return InTurn.each(abandoned, Function.identity()).replaceWith(sends);
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
