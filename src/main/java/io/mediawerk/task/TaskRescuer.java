package io.mediawerk.task;

import io.mediawerk.api.Times;
import io.mediawerk.config.MediawerkConfig;
import io.mediawerk.jobs.Outbox;
import io.mediawerk.jobs.Topics;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
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
    private final Outbox outbox;
    private final Duration requeuePendingAfter;

    public TaskRescuer(TaskRepository tasks, Outbox outbox, MediawerkConfig config) {
        this.tasks = tasks;
        this.outbox = outbox;
        this.requeuePendingAfter = config.transforms().requeuePendingAfter();
    }

    @Scheduled(every = "${mediawerk.transforms.rescue-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> rescueOnSchedule() {
        return rescue().onFailure().invoke(e -> Log.warnf("Rescuing stopped tasks failed: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Re-queues one batch; returns how many tasks were rescued. */
    @WithTransaction
    public Uni<Integer> rescue() {
        return tasks.lockAbandoned(Times.now(), BATCH).chain(this::requeue)
                .chain(abandoned -> tasks.lockStalePending(Times.now().minus(requeuePendingAfter), BATCH)
                        .chain(this::requeue).map(stale -> abandoned + stale));
    }

    private Uni<Integer> requeue(List<Task> found) {
        return Multi.createFrom().iterable(found).onItem().transformToUniAndConcatenate(task -> {
            if (Task.PROCESSING.equals(task.status)) {
                Log.infof("Task %s: worker %s stopped renewing its lease; queued again", task.id, task.leaseOwner);
            } else {
                Log.infof("Task %s: pending since %s; queued again in case its message was lost", task.id,
                        task.updated);
            }
            task.requeue();
            return outbox.add(topic(task), task.id, new TaskJob(task.id));
        }).collect().asList().map(List::size);
    }

    private static String topic(Task task) {
        return Task.TRANSFORM.equals(task.family) ? Topics.TRANSFORM : Topics.INTELLIGENCE;
    }
}
