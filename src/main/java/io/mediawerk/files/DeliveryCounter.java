package io.mediawerk.files;

import io.mediawerk.analytics.UsageClock;
import io.mediawerk.config.FileDeliverySettings;
import io.mediawerk.reactive.InTurn;
import io.mediawerk.reactive.OwnContexts;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts deliveries per source and day in memory (two adders per key, no I/O on the request path) and adds them
 * to {@code delivery_counts} every few seconds with one upsert per key.
 */
@ApplicationScoped
public class DeliveryCounter {

    /** What is counted under one key. */
    record Key(String sourceId, String mediaId, String projectId, LocalDate day) {}

    static final class Tally {
        final LongAdder requests = new LongAdder();
        final LongAdder bytes = new LongAdder();
    }

    private final Map<Key, Tally> tallies = new ConcurrentHashMap<>();
    private final UsageClock clock;
    private final boolean counting;
    private final OwnContexts contexts;

    public DeliveryCounter(UsageClock clock, OwnContexts contexts, FileDeliverySettings fileDelivery) {
        this.clock = clock;
        this.contexts = contexts;
        this.counting = fileDelivery.counting();
    }

    public void record(String sourceId, String mediaId, String projectId, long bytes) {
        if (!counting) {
            return;
        }
        Tally tally = tallies.computeIfAbsent(new Key(sourceId, mediaId, projectId, clock.today()), k -> new Tally());
        tally.requests.increment();
        tally.bytes.add(bytes);
    }

    @Scheduled(
            every = "${mediawerk.delivery.flush-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> flushOnSchedule() {
        return flush().onFailure()
                .invoke(e -> Log.warnf("Writing delivery counts failed, will retry: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Writes and resets what was counted; on failure the counts are kept for the next flush. */
    public Uni<Integer> flush() {
        List<Map.Entry<Key, long[]>> drained = tallies.keySet().stream()
                .map(key -> {
                    Tally tally = tallies.remove(key);
                    return Map.entry(key, new long[] {tally.requests.sum(), tally.bytes.sum()});
                })
                .filter(e -> e.getValue()[0] > 0)
                .toList();
        if (drained.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.withTransaction(() -> InTurn.each(drained, this::upsert))
                .replaceWith(drained.size())
                .onFailure()
                .invoke(e -> drained.forEach(entry -> restore(entry.getKey(), entry.getValue())));
    }

    private Uni<Integer> upsert(Map.Entry<Key, long[]> entry) {
        Key key = entry.getKey();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        insert into delivery_counts (source_id, day, project_id, media_id, requests, bytes)
                        values (:source, :day, :project, :media, :requests, :bytes)
                        on conflict (source_id, day) do update set requests = delivery_counts.requests + excluded.requests,
                        bytes = delivery_counts.bytes + excluded.bytes""")
                        .setParameter("source", key.sourceId())
                        .setParameter("day", key.day())
                        .setParameter("project", key.projectId())
                        .setParameter("media", key.mediaId())
                        .setParameter("requests", entry.getValue()[0])
                        .setParameter("bytes", entry.getValue()[1])
                        .executeUpdate());
    }

    /** What was counted since the last flush is written before the instance stops, not lost with it. */
    void onShutdown(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        if (tallies.isEmpty()) {
            return;
        }
        CompletableFuture<Integer> written = new CompletableFuture<>();
        contexts.runOnNew(() -> flush().subscribe().with(written::complete, written::completeExceptionally));
        try {
            written.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            Log.warnf("Delivery counts of this instance's last seconds could not be written: %s", e.toString());
        }
    }

    private void restore(Key key, long[] counts) {
        Tally tally = tallies.computeIfAbsent(key, k -> new Tally());
        tally.requests.add(counts[0]);
        tally.bytes.add(counts[1]);
    }
}
