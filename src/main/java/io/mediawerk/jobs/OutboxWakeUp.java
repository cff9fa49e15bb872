package io.mediawerk.jobs;

import io.mediawerk.reactive.OwnContexts;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Relays the outbox as soon as a transaction that wrote to it commits, instead of at the next poll: {@link Outbox}
 * sends a PostgreSQL notification in the writing transaction (delivered only on commit), and this listens for it.
 * Polling stays as the safety net, so a lost connection only slows the relay down to the poll interval.
 */
@ApplicationScoped
public class OutboxWakeUp {

    static final String CHANNEL = "mediawerk_outbox";
    private static final long RECONNECT_DELAY_MS = 5000;

    private final Vertx vertx;
    private final OwnContexts contexts;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private final AtomicBoolean listening = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicLong notifications = new AtomicLong();

    public OutboxWakeUp(
            Vertx vertx,
            OwnContexts contexts,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.contexts = contexts;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Starts listening, once; called by the relay when the application runs (so after the database is there). */
    void listen(Supplier<Uni<Integer>> relay) {
        if (!listening.compareAndSet(false, true)) {
            return;
        }
        PgConnectOptions options;
        try {
            options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        } catch (RuntimeException e) {
            Log.warnf("The outbox is relayed by polling only: %s cannot be listened to (%s)", url, e.getMessage());
            return;
        }
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        PgSubscriber subscriber =
                PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> RECONNECT_DELAY_MS);
        subscriber.channel(CHANNEL).handler(ignored -> {
            notifications.incrementAndGet();
            relayNow(relay);
        });
        subscriber
                .connect()
                .onSuccess(ignored -> Log.debug("Listening for outbox writes"))
                .onFailure(e -> Log.infof("Listening for outbox writes failed, polling meanwhile: %s", e.getMessage()));
    }

    /** Commit notifications received since start (for checks and tests). */
    public long notifications() {
        return notifications.get();
    }

    /** One relay at a time; a notification during a relay makes it run once more. */
    private void relayNow(Supplier<Uni<Integer>> relay) {
        Log.debug("Outbox written: relaying now");
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        contexts.runOnNew(() -> relay.get().subscribe().with(sent -> finished(relay), e -> {
            Log.debugf("Relaying on notification failed, the poll retries: %s", e.toString());
            finished(relay);
        }));
    }

    private void finished(Supplier<Uni<Integer>> relay) {
        running.set(false);
        if (again.getAndSet(false)) {
            relayNow(relay);
        }
    }
}
