package io.mediawerk.task;

import io.mediawerk.api.Times;
import io.mediawerk.jobs.Outbox;
import io.mediawerk.jobs.Topics;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Puts back on Kafka the tasks whose worker stopped mid-run (killed, crashed, cut off): their lease was not renewed.
 * The task goes back to pending; the next claim counts it as a new attempt and discards the stopped run's files.
 */
@ApplicationScoped
public class TaskRescuer {

    private static final int BATCH = 50;

    private final TaskRepository tasks;
    private final Outbox outbox;

    public TaskRescuer(TaskRepository tasks, Outbox outbox) {
        this.tasks = tasks;
        this.outbox = outbox;
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
        return tasks.lockAbandoned(Times.now(), BATCH).chain(this::requeue);
    }

    private Uni<Integer> requeue(List<Task> abandoned) {
        return Multi.createFrom().iterable(abandoned).onItem().transformToUniAndConcatenate(task -> {
            Log.infof("Task %s: worker %s stopped renewing its lease; queued again", task.id, task.leaseOwner);
            task.status = Task.PENDING;
            task.leaseOwner = null;
            task.leaseUntil = null;
            task.updated = Times.now();
            return outbox.add(topic(task), task.id, new TaskJob(task.id));
        }).collect().asList().map(List::size);
    }

    private static String topic(Task task) {
        return Task.TRANSFORM.equals(task.family) ? Topics.TRANSFORM : Topics.INTELLIGENCE;
    }
}
