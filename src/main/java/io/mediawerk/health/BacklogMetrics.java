package io.mediawerk.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What is waiting, from PostgreSQL (the source of truth), as Prometheus gauges worth alerting on: the outbox not yet
 * on Kafka, tasks waiting for a worker and how long the oldest has waited, webhook deliveries waiting, runs going.
 * One small query every 15 s per instance.
 */
@Startup
@ApplicationScoped
public class BacklogMetrics {

    private final AtomicLong outboxWaiting = new AtomicLong();
    private final AtomicLong outboxOldestSeconds = new AtomicLong();
    private final AtomicLong tasksPending = new AtomicLong();
    private final AtomicLong tasksProcessing = new AtomicLong();
    private final AtomicLong tasksOldestPendingSeconds = new AtomicLong();
    private final AtomicLong deliveriesWaiting = new AtomicLong();
    private final AtomicLong runsRunning = new AtomicLong();

    public BacklogMetrics(MeterRegistry registry) {
        gauge(registry, "mediawerk.outbox.waiting", "outbox rows not yet handed to Kafka", outboxWaiting);
        gauge(registry, "mediawerk.outbox.oldest.seconds", "age of the oldest outbox row", outboxOldestSeconds);
        gauge(
                registry,
                "mediawerk.tasks.pending",
                "transform and intelligence tasks waiting for a worker",
                tasksPending);
        gauge(registry, "mediawerk.tasks.processing", "tasks running on workers", tasksProcessing);
        gauge(
                registry,
                "mediawerk.tasks.oldest.pending.seconds",
                "how long the oldest pending task has waited",
                tasksOldestPendingSeconds);
        gauge(
                registry,
                "mediawerk.webhook.deliveries.waiting",
                "webhook deliveries not yet delivered or failed",
                deliveriesWaiting);
        gauge(registry, "mediawerk.workflow.runs.running", "workflow runs not yet ended", runsRunning);
    }

    private static void gauge(MeterRegistry registry, String name, String description, AtomicLong value) {
        Gauge.builder(name, value, AtomicLong::get).description(description).register(registry);
    }

    @Scheduled(
            every = "15s",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        return Panache.withSession(() -> Panache.getSession()
                        .chain(session ->
                                session.createNativeQuery("""
                        select (select count(*) from outbox),
                               (select coalesce(extract(epoch from now() - min(created)), 0) from outbox),
                               (select count(*) from tasks where status = 'pending'),
                               (select count(*) from tasks where status = 'processing'),
                               (select coalesce(extract(epoch from now() - min(created)), 0) from tasks
                                 where status = 'pending'),
                               (select count(*) from webhook_deliveries where status = 'pending'),
                               (select count(*) from workflow_runs where status = 'running')""", Object[].class).getSingleResult()))
                .invoke(this::update)
                .onFailure()
                .invoke(e -> Log.debugf("Backlog metrics not refreshed: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    private void update(Object[] row) {
        List<AtomicLong> gauges = List.of(
                outboxWaiting,
                outboxOldestSeconds,
                tasksPending,
                tasksProcessing,
                tasksOldestPendingSeconds,
                deliveriesWaiting,
                runsRunning);
        for (int i = 0; i < gauges.size(); i++) {
            gauges.get(i).set(((Number) row[i]).longValue());
        }
    }
}
