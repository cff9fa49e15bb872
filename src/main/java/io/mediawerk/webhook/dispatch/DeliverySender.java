package io.mediawerk.webhook.dispatch;

import io.mediawerk.config.WebhookSettings;
import io.mediawerk.reactive.OwnContexts;
import io.mediawerk.webhook.WebhookSignature;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The dispatcher's sending: POSTs deliveries within this instance's {@link DeliverySlots}. New deliveries come
 * straight from the events consumer; a claim loop takes the rest from the database (retries that came due, a
 * backlog beyond the slots, deliveries of a dispatcher that died). It claims every poll interval, when a retry due
 * soon comes due, and while there is a backlog, whenever a slot frees up. Runs only where the events channel does
 * (the dispatcher role).
 */
@ApplicationScoped
public class DeliverySender {

    private static final Duration SOON = Duration.ofMinutes(1);

    private final DeliveryLedger ledger;
    private final DeliverySlots slots;
    private final WebhookClient client;
    private final Vertx vertx;
    private final OwnContexts contexts;
    private final boolean enabled;
    private final Duration timeout;
    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean backlog = new AtomicBoolean(true);
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean stopping;

    public DeliverySender(
            DeliveryLedger ledger,
            DeliverySlots slots,
            WebhookClient client,
            Vertx vertx,
            OwnContexts contexts,
            WebhookSettings webhookSettings,
            @ConfigProperty(name = "mp.messaging.incoming.events.enabled", defaultValue = "true") boolean enabled) {
        this.ledger = ledger;
        this.slots = slots;
        this.client = client;
        this.vertx = vertx;
        this.contexts = contexts;
        this.enabled = enabled;
        this.timeout = webhookSettings.timeout();
    }

    @Scheduled(every = "${mediawerk.webhooks.poll-every}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        wake();
    }

    /**
     * On shutdown no more deliveries are taken, and those in flight get until the receivers' timeout to end and be
     * recorded; one cut short is sent again by another dispatcher when its lease ends. Runs before other shutdown
     * observers, while the database pool is still open.
     */
    void onShutdown(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        stopping = true;
        long deadline = System.nanoTime() + timeout.plusSeconds(2).toNanos();
        while (slots.inFlight() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (slots.inFlight() > 0) {
            Log.warnf(
                    "Stopping with %d webhook deliveries unfinished; they are sent again when their leases end",
                    slots.inFlight());
        }
    }

    /** Sends deliveries already leased to this instance, each holding a slot. */
    public void sendAll(List<DeliveryLedger.Send> sends) {
        sends.forEach(send -> onOwnContext(() -> post(send)));
    }

    /** Notes that deliveries wait in the database, and claims them now (a no-op where this is no dispatcher). */
    public void wake() {
        backlog.set(true);
        if (!enabled || stopping) {
            return;
        }
        if (!claiming.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        onOwnContext(this::claim);
    }

    /** Attempts made by this instance since start. */
    public long sent() {
        return sent.get();
    }

    private void claim() {
        ledger.claim()
                .subscribe()
                .with(
                        sends -> {
                            sendAll(sends);
                            if (sends.isEmpty()
                                    && slots.free() > 0
                                    && slots.full().isEmpty()) {
                                // nothing is due, not even for webhooks the claim skipped as full
                                backlog.set(false);
                            }
                            claimed();
                        },
                        failure -> {
                            Log.warnf(
                                    "Looking for webhook deliveries failed, retrying at the next poll: %s",
                                    failure.toString());
                            claimed();
                        });
    }

    private void claimed() {
        claiming.set(false);
        if (again.getAndSet(false)) {
            wake();
        }
    }

    private void post(DeliveryLedger.Send send) {
        long timestamp = System.currentTimeMillis() / 1000;
        String id = send.delivery().eventId;
        String body = send.delivery().payload;
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", "application/json")
                .add("User-Agent", "Mediawerk-Webhooks/1.0")
                .add("webhook-id", id)
                .add("webhook-timestamp", Long.toString(timestamp))
                .add("webhook-signature", WebhookSignature.header(send.secrets(), id, timestamp, body));
        client.post(send.url(), headers, body)
                .invoke(answered -> {
                    // the receiver is done with it: its webhook may take the next one while this is recorded
                    slots.answered(send.delivery().webhookId);
                    claimIfBacklog();
                })
                .chain(outcome -> ledger.record(send, outcome))
                .subscribe()
                .with(
                        next -> {
                            wakeAt(next);
                            recorded();
                        },
                        failure -> {
                            Log.warnf(
                                    "Recording an attempt of delivery %s failed; it is retried when its lease ends: %s",
                                    send.delivery().id, failure.toString());
                            recorded();
                        });
    }

    private void recorded() {
        sent.incrementAndGet();
        slots.recorded();
        claimIfBacklog();
    }

    private void claimIfBacklog() {
        if (backlog.get()) {
            wake();
        }
    }

    /** A retry due within a minute is claimed when it is due, not at the next poll. */
    private void wakeAt(Instant next) {
        if (next == null) {
            return;
        }
        long delay = Duration.between(Instant.now(), next).toMillis();
        if (delay < SOON.toMillis()) {
            vertx.setTimer(Math.max(1, delay), ignored -> wake());
        }
    }

    /** Each piece of database work gets a context of its own: Hibernate Reactive keeps its session there. */
    private void onOwnContext(Runnable work) {
        contexts.runOnNew(work);
    }
}
