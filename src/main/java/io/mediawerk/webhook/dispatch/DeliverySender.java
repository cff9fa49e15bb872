package io.mediawerk.webhook.dispatch;

import io.mediawerk.config.MediawerkConfig;
import io.mediawerk.webhook.WebhookSignature;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The dispatcher's sending loop: leases due deliveries and POSTs them, up to {@code max-in-flight} at once and
 * {@code max-in-flight-per-webhook} to one webhook, so a slow receiver holds its own slots only. It runs when new
 * deliveries are made, when a send ends, and every poll interval for retries that came due. Runs only where the
 * events channel does (the dispatcher role).
 */
@ApplicationScoped
public class DeliverySender {

    private static final Duration SOON = Duration.ofMinutes(1);

    private final DeliveryLedger ledger;
    private final WebhookClient client;
    private final Vertx vertx;
    private final boolean enabled;
    private final int maxInFlight;
    private final int maxPerWebhook;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, AtomicInteger> inFlightByWebhook = new ConcurrentHashMap<>();
    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicLong sent = new AtomicLong();
    private final Duration timeout;
    private volatile boolean stopping;

    public DeliverySender(DeliveryLedger ledger, WebhookClient client, Vertx vertx, MediawerkConfig config,
                          @ConfigProperty(name = "mp.messaging.incoming.events.enabled", defaultValue = "true")
                          boolean enabled) {
        this.ledger = ledger;
        this.client = client;
        this.vertx = vertx;
        this.enabled = enabled;
        this.maxInFlight = config.webhooks().maxInFlight();
        this.maxPerWebhook = config.webhooks().maxInFlightPerWebhook();
        this.timeout = config.webhooks().timeout();
    }

    @Scheduled(every = "${mediawerk.webhooks.poll-every}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        wake();
    }

    /**
     * On shutdown no more deliveries are taken, and those in flight get until the receivers' timeout to end and be
     * recorded; one cut short is sent again by another dispatcher when its lease ends.
     */
    void onShutdown(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        Log.infof("Stopping: %d webhook deliveries in flight", inFlight.get());
        stopping = true;
        long deadline = System.nanoTime() + timeout.plusSeconds(2).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (inFlight.get() > 0) {
            Log.warnf("Stopping with %d webhook deliveries unfinished; they are sent again when their leases end",
                    inFlight.get());
        }
    }

    /** Looks for due deliveries now (a no-op where this instance is not a dispatcher). */
    public void wake() {
        if (!enabled || stopping) {
            return;
        }
        if (!claiming.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        onOwnContext(this::claim);
    }

    /** Each piece of database work gets a context of its own: Hibernate Reactive keeps its session there. */
    private void onOwnContext(Runnable work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        context.runOnContext(ignored -> {
            VertxContextSafetyToggle.setCurrentContextSafe(true);
            work.run();
        });
    }

    /** Attempts made by this instance since start. */
    public long sent() {
        return sent.get();
    }

    private void claim() {
        int free = maxInFlight - inFlight.get();
        if (free <= 0) {
            claimed(false);
            return;
        }
        Set<String> busy = inFlightByWebhook.entrySet().stream().filter(entry -> entry.getValue().get() >= maxPerWebhook)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        ledger.claim(free, busy).subscribe().with(sends -> {
            sends.forEach(this::send);
            claimed(sends.size() == free);
        }, failure -> {
            Log.warnf("Looking for webhook deliveries failed, retrying at the next poll: %s", failure.toString());
            claimed(false);
        });
    }

    private void claimed(boolean full) {
        claiming.set(false);
        if (again.getAndSet(false) || full) {
            wake();
        }
    }

    private void send(DeliveryLedger.Send send) {
        inFlight.incrementAndGet();
        AtomicInteger forWebhook = inFlightByWebhook.computeIfAbsent(send.delivery().webhookId,
                id -> new AtomicInteger());
        forWebhook.incrementAndGet();
        onOwnContext(() -> post(send, forWebhook));
    }

    private void post(DeliveryLedger.Send send, AtomicInteger forWebhook) {
        long timestamp = System.currentTimeMillis() / 1000;
        String body = send.delivery().payload;
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", "application/json")
                .add("User-Agent", "Mediawerk-Webhooks/1.0")
                .add("webhook-id", send.delivery().eventId)
                .add("webhook-timestamp", Long.toString(timestamp))
                .add("webhook-signature", WebhookSignature.header(send.secrets(), send.delivery().eventId, timestamp,
                        body));
        client.post(send.url(), headers, body)
                .chain(outcome -> ledger.record(send, outcome))
                .subscribe().with(next -> {
                    wakeAt(next);
                    done(forWebhook);
                }, failure -> {
                    Log.warnf("Recording an attempt of delivery %s failed; it is retried when its lease ends: %s",
                            send.delivery().id, failure.toString());
                    done(forWebhook);
                });
    }

    private void done(AtomicInteger forWebhook) {
        sent.incrementAndGet();
        inFlight.decrementAndGet();
        forWebhook.decrementAndGet();
        wake();
    }

    /** A retry due before the next poll is sent when it is due, not at the poll. */
    private void wakeAt(Instant next) {
        if (next == null) {
            return;
        }
        long delay = Duration.between(Instant.now(), next).toMillis();
        if (delay < SOON.toMillis()) {
            vertx.setTimer(Math.max(1, delay), ignored -> wake());
        }
    }

    /** For the shutdown: deliveries still being sent (their leases expire and another dispatcher resends them). */
    public int inFlight() {
        return inFlight.get();
    }
}
