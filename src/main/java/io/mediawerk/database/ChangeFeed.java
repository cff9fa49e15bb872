package io.mediawerk.database;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One PostgreSQL connection per instance that listens on {@value #CHANNEL} (the database announces changed keys,
 * projects, media and sources at commit: migration V14) and tells the {@link ChangeListener}s. Notifications sent
 * while it was disconnected are lost, so the listeners forget everything whenever it (re)subscribes.
 *
 * <p>The same connection tells whether the database answers: it sends {@code select 1} every {@link #PING_EVERY}
 * ms when none is unanswered; one unanswered for {@link #PATIENCE} (a hung or partitioned database, which refuses
 * nothing), no connection, or no answer yet since it connected means it does not, and requests are answered 503
 * instead of waiting ({@code io.mediawerk.traffic.LoadShedding}). Only a ping sent and unanswered counts against the
 * database: a busy instance whose timer fires late does not make it look down.
 */
@ApplicationScoped
public class ChangeFeed {

    static final String CHANNEL = "mediawerk_changes";
    private static final long PING_EVERY = 250;
    private static final Duration PATIENCE = Duration.ofMillis(1500);
    /** A ping unanswered this long: the connection is given up and made again. */
    private static final Duration GIVE_UP = Duration.ofSeconds(10);

    private final Vertx vertx;
    private final List<ChangeListener> listeners;
    private final PgConnectOptions options;
    private PgSubscriber subscriber;
    private long timer = -1;
    /** When the unanswered ping was sent (System.nanoTime), 0 when none is. */
    private volatile long pingSent;
    /** Whether a ping was answered on the current connection. */
    private volatile boolean answered;

    public ChangeFeed(
            Vertx vertx,
            Instance<ChangeListener> listeners,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.listeners = listeners.stream().toList();
        this.options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        options.setConnectTimeout(5000);
    }

    /** After the schema exists (StartupSequence); waits a few seconds for the first subscription. */
    void start(@Observes @Priority(10) StartupEvent event) {
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempt -> 500L);
        subscriber
                .channel(CHANNEL)
                .subscribeHandler(ignored -> {
                    Log.debugf("Listening for changes on %s", CHANNEL);
                    pingSent = 0;
                    answered = false;
                    listeners.forEach(ChangeListener::forgetAll);
                })
                .handler(this::deliver);
        try {
            subscriber.connect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            ping().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            Log.warnf("The change feed could not connect yet (%s); it keeps trying", e.toString());
        }
        timer = vertx.setPeriodic(PING_EVERY, ignored -> ping());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (subscriber != null) {
            subscriber.close();
        }
    }

    /** Whether the database answers: connected, answered since, and no ping unanswered for long. */
    public boolean databaseAnswers() {
        long sent = pingSent;
        return answered
                && subscriber != null
                && subscriber.actualConnection() != null
                && (sent == 0 || System.nanoTime() - sent < PATIENCE.toNanos());
    }

    /** Sends a ping unless one is unanswered; gives up a connection whose ping has hung for {@link #GIVE_UP}. */
    private Future<?> ping() {
        PgConnection connection = subscriber.actualConnection();
        long sent = pingSent;
        if (connection == null) {
            return Future.succeededFuture();
        }
        if (sent != 0) {
            if (System.nanoTime() - sent > GIVE_UP.toNanos()) {
                Log.warnf("The database has not answered for %d s; connecting again", GIVE_UP.toSeconds());
                pingSent = 0;
                connection.close();
            }
            return Future.succeededFuture();
        }
        long now = System.nanoTime();
        pingSent = now;
        return connection.query("select 1").execute().onComplete(done -> {
            if (done.succeeded()) {
                answered = true;
            }
            if (pingSent == now) {
                pingSent = 0;
            }
        });
    }

    /**
     * A change this instance has just committed: its own caches drop what it touches before the answer leaves, not a
     * few milliseconds later when PostgreSQL's announcement comes back (which then changes nothing).
     */
    public void announceHere(String kind, String id) {
        dispatch(kind, id);
    }

    private void deliver(String payload) {
        int colon = payload.indexOf(':');
        if (colon > 0) {
            dispatch(payload.substring(0, colon), payload.substring(colon + 1));
        }
    }

    private void dispatch(String kind, String id) {
        String payload = kind + ":" + id;
        for (ChangeListener listener : listeners) {
            try {
                listener.changed(kind, id);
            } catch (RuntimeException e) {
                Log.errorf(e, "A cache failed to drop %s", payload);
                listener.forgetAll();
            }
        }
    }
}
