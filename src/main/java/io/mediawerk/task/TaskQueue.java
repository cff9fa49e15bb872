package io.mediawerk.task;

import io.mediawerk.jobs.Outbox;
import io.mediawerk.jobs.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one way a task reaches a worker: its job is written to the outbox for its family's topic in the caller's
 * transaction, so the row and its message are committed together or not at all.
 */
@ApplicationScoped
public class TaskQueue {

    private final TaskRepository tasks;
    private final Outbox outbox;

    public TaskQueue(TaskRepository tasks, Outbox outbox) {
        this.tasks = tasks;
        this.outbox = outbox;
    }

    /** Stores a new task and queues it. */
    public Uni<Void> enqueue(Task task) {
        return tasks.persist(task).chain(() -> requeue(task));
    }

    /** Queues a stored task (again): handed back, rescued, or its message lost. */
    public Uni<Void> requeue(Task task) {
        return outbox.add(topicOf(task), task.id, new TaskJob(task.id));
    }

    /**
     * Queues a part of a running task (a chunk of a long ladder) on the task's topic, for any worker to take: the
     * message names the part; the part's own table says what it is.
     */
    public Uni<Void> offerPart(Task task, String partId) {
        return outbox.add(topicOf(task), partId, new TaskJob(partId));
    }

    /** The Kafka topic that a task's family is run from. */
    private static String topicOf(Task task) {
        return Task.TRANSFORM.equals(task.family) ? Topics.TRANSFORM : Topics.INTELLIGENCE;
    }
}
