package io.mediawerk.task;

import io.mediawerk.api.Times;
import io.mediawerk.config.TransformSettings;
import io.mediawerk.reactive.InTurn;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * Puts back on Kafka the tasks whose worker stopped mid-run (killed, crashed, cut off): their lease was not renewed.
 * The task goes back to pending; the next claim counts it as a new attempt and discards the stopped run's files.
 * Tasks pending for very long are queued again too, in case their message was lost.
 */
@ApplicationScoped
public class TaskRescuer {

    private static final int BATCH = 50;

    private final TaskRepository tasks;
    private final TaskQueue queue;
    private final Duration requeuePendingAfter;

    public TaskRescuer(TaskRepository tasks, TaskQueue queue, TransformSettings transformSettings) {
        this.tasks = tasks;
        this.queue = queue;
        this.requeuePendingAfter = transformSettings.requeuePendingAfter();
    }

    @Scheduled(
            every = "${mediawerk.transforms.rescue-every}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> rescueOnSchedule() {
        return rescue().onFailure()
                .invoke(e -> Log.warnf("Rescuing stopped tasks failed: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Re-queues one batch; returns how many tasks were rescued. */
    @WithTransaction
    public Uni<Integer> rescue() {
        return tasks.lockAbandoned(Times.now(), BATCH)
                .chain(this::requeue)
                .chain(abandoned -> tasks.lockStalePending(Times.now().minus(requeuePendingAfter), BATCH)
                        .chain(this::requeue)
                        .map(stale -> abandoned + stale));
    }

    private Uni<Integer> requeue(List<Task> found) {
        return InTurn.each(found, task -> {
                    if (Task.PROCESSING.equals(task.status)) {
                        Log.infof(
                                "Task %s: worker %s stopped renewing its lease; queued again",
                                task.id, task.leaseOwner);
                    } else {
                        Log.infof(
                                "Task %s: pending since %s; queued again in case its message was lost",
                                task.id, task.updated);
                    }
                    task.requeue();
                    return queue.requeue(task);
                })
                .replaceWith(found.size());
    }
}
