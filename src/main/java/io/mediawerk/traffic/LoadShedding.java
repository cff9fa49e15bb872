package io.mediawerk.traffic;

import io.mediawerk.api.ApiErrors;
import io.mediawerk.api.ApiException;
import io.mediawerk.api.RawResponses;
import io.mediawerk.config.TrafficSettings;
import io.mediawerk.database.ChangeFeed;
import io.mediawerk.files.DeliveryUrls;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The first thing every request meets (health probes and metrics aside, which are never shed). An API request is
 * answered 503 with Retry-After at once when the instance already works on {@code mediawerk.traffic.max-in-flight}
 * of them (uploads and file deliveries have budgets of their own), and when the database does not answer
 * ({@link ChangeFeed}; file delivery goes on from its cache). An API request already waiting on a database that
 * stops answering is answered 503 within {@link #DATABASE_DEADLINE_MS} ms and a sweep.
 */
@ApplicationScoped
public class LoadShedding {

    /** Before every other route (the request limits are at -1000). */
    private static final int FIRST = -1100;

    private static final String OVERLOAD_RETRY_SECONDS = "1";
    static final long DATABASE_DEADLINE_MS = 1200;
    private static final long SWEEP_EVERY_MS = 200;

    private final RawResponses raw;
    private final ChangeFeed database;
    private final Vertx vertx;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Set<InFlight> requests = ConcurrentHashMap.newKeySet();
    private long sweeper = -1;

    /** A request being worked on, and the Vert.x context it must be answered on. */
    private record InFlight(RoutingContext ctx, Context context, long arrived) {}

    public LoadShedding(RawResponses raw, ChangeFeed database, Vertx vertx, TrafficSettings settings) {
        this.raw = raw;
        this.database = database;
        this.vertx = vertx;
        this.maxInFlight = settings.maxInFlight();
    }

    /** Requests in flight now (for tests and metrics). */
    public int inFlight() {
        return inFlight.get();
    }

    void register(@Observes Router router) {
        router.route().order(FIRST).handler(this::admit).failureHandler(LoadShedding::afterAnswer);
        sweeper = vertx.setPeriodic(SWEEP_EVERY_MS, ignored -> sweep());
    }

    void stop(@Observes ShutdownEvent event) {
        if (sweeper >= 0) {
            vertx.cancelTimer(sweeper);
        }
    }

    private void admit(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.startsWith("/q/health") || path.startsWith("/q/metrics")) {
            ctx.next();
            return;
        }
        boolean delivery = path.startsWith(DeliveryUrls.PREFIX);
        if (!delivery && !database.databaseAnswers()) {
            refuse(ctx, databaseDown());
            return;
        }
        if (delivery || isUpload(path)) {
            // bounded by their own budgets (S3Downloads, BufferBudget): a long stream must not hold an API slot
            ctx.next();
            return;
        }
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            refuse(
                    ctx,
                    new ApiException(
                            503,
                            "overloaded",
                            "This instance is working on as many requests as it takes (" + maxInFlight
                                    + "); nothing was done. Retry after Retry-After seconds.",
                            null,
                            Long.valueOf(OVERLOAD_RETRY_SECONDS)));
            return;
        }
        InFlight request = new InFlight(ctx, Vertx.currentContext(), System.nanoTime());
        requests.add(request);
        ctx.addEndHandler(ignored -> {
            requests.remove(request);
            inFlight.decrementAndGet();
        });
        ctx.next();
    }

    /**
     * A request answered already (by {@link #sweep}) whose route fails when it writes at last: the caller has its
     * answer, so there is nothing to report.
     */
    private static void afterAnswer(RoutingContext ctx) {
        if (ctx.response().ended()) {
            Log.debugf(
                    "%s %s failed after it was answered: %s",
                    ctx.request().method(), ctx.normalizedPath(), ctx.failure());
            return;
        }
        ctx.next();
    }

    /** A file's bytes arriving at an upload URL: it may rightly take long, and needs the database only at its end. */
    private static boolean isUpload(String path) {
        return path.startsWith("/uploads/") && path.endsWith("/file");
    }

    /** While the database does not answer, answers 503 to the API requests waiting past the deadline. */
    private void sweep() {
        if (requests.isEmpty() || database.databaseAnswers()) {
            return;
        }
        long now = System.nanoTime();
        for (InFlight request : requests) {
            if ((now - request.arrived()) / 1_000_000 >= DATABASE_DEADLINE_MS) {
                request.context().runOnContext(ignored -> {
                    RoutingContext ctx = request.ctx();
                    if (!ctx.response().headWritten()) {
                        raw.fail(ctx, raw.callOf(ctx, null), databaseDown());
                    }
                });
            }
        }
    }

    private void refuse(RoutingContext ctx, ApiException error) {
        raw.fail(ctx, raw.callOf(ctx, null), error);
    }

    private static ApiException databaseDown() {
        return ApiErrors.unavailable("database_unavailable", "its database");
    }
}
