package io.mediawerk.task.worker;

import io.mediawerk.api.ApiObject;
import io.mediawerk.api.Times;
import io.mediawerk.config.TransformSettings;
import io.mediawerk.events.EventType;
import io.mediawerk.events.Events;
import io.mediawerk.media.MediaRepository;
import io.mediawerk.reactive.InTurn;
import io.mediawerk.source.SourceRepository;
import io.mediawerk.storage.StorageGarbageCollector;
import io.mediawerk.task.GrowingOutputs;
import io.mediawerk.task.Task;
import io.mediawerk.task.TaskEndings;
import io.mediawerk.task.TaskOutputs;
import io.mediawerk.task.TaskQueue;
import io.mediawerk.task.TaskRepository;
import io.quarkus.arc.All;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The database side of running a task, the same for every family: claiming it (a lease), failing it, handing it
 * back, forgetting a lost run. Every step runs in the caller's transaction, locks the task row and checks that this
 * worker's lease on this attempt still holds, so that a cancel, a takeover after a stall, or a redelivered message
 * can never produce a second result or overwrite a final state. Completing is the family's own.
 */
@ApplicationScoped
public class TaskLedger {

    /** What differs between families here: their name in logs, and the event and view of a failed task. */
    public record Family(String noun, EventType failedEvent, Function<Task, ApiObject> view) {}

    private final TaskRepository tasks;
    private final MediaRepository media;
    private final SourceRepository sources;
    private final StorageGarbageCollector garbage;
    private final Events events;
    private final TaskQueue queue;
    private final List<TaskEndings> endings;
    private final GrowingOutputs growing;
    private final Duration lease;
    private final int maxAttempts;

    public TaskLedger(
            TaskRepository tasks,
            MediaRepository media,
            SourceRepository sources,
            StorageGarbageCollector garbage,
            Events events,
            TaskQueue queue,
            @All List<TaskEndings> endings,
            GrowingOutputs growing,
            TransformSettings transformSettings) {
        this.tasks = tasks;
        this.media = media;
        this.sources = sources;
        this.garbage = garbage;
        this.events = events;
        this.queue = queue;
        this.endings = endings;
        this.growing = growing;
        this.lease = transformSettings.lease();
        this.maxAttempts = transformSettings.maxAttempts();
    }

    /** The task, if it is this worker's to run now; null when it is finished, running elsewhere, or cannot run. */
    public Uni<ClaimedTask> claim(Family family, String taskId, String owner) {
        return tasks.lock(taskId).chain(task -> {
            Instant now = Times.now();
            if (task == null || task.isFinished()) {
                return Uni.createFrom().nullItem();
            }
            if (Task.PROCESSING.equals(task.status) && task.leaseUntil != null && task.leaseUntil.isAfter(now)) {
                Log.debugf(
                        "%s %s is running on %s; this message is a duplicate", family.noun(), task.id, task.leaseOwner);
                return Uni.createFrom().nullItem();
            }
            if (task.attempts >= maxAttempts) {
                return failed(
                                family,
                                task,
                                "task_interrupted",
                                "The task was interrupted " + task.attempts
                                        + " times (its worker stopped while running it). Create it again to retry.")
                        .replaceWith((ClaimedTask) null);
            }
            return media.findById(task.mediaId)
                    .chain(found -> found == null || found.isDeleted()
                            ? cancelled(task).replaceWith((ClaimedTask) null)
                            : sources.findById(task.inputSourceId)
                                    .chain(input -> input == null
                                            ? failed(
                                                            family,
                                                            task,
                                                            "input_deleted",
                                                            "The input source " + task.inputSourceId
                                                                    + " was deleted before the task ran.")
                                                    .replaceWith((ClaimedTask) null)
                                            : start(task, input, owner, now)));
        });
    }

    private Uni<ClaimedTask> start(Task task, io.mediawerk.source.Source input, String owner, Instant now) {
        Uni<Void> leftovers = task.attempts > 0
                ? garbage.discardPrefix(TaskOutputs.attemptPrefix(task, task.attempts))
                : Uni.createFrom().voidItem();
        task.status = Task.PROCESSING;
        task.attempts++;
        task.leaseOwner = owner;
        task.leaseUntil = now.plus(lease);
        task.progress = 0;
        if (task.started == null) {
            task.started = now;
        }
        task.updated = now;
        return leftovers.replaceWith(new ClaimedTask(task, input, task.attempts, owner));
    }

    /** Records a failure the user can act on; nothing if the task was lost meanwhile. */
    public Uni<Void> fail(Family family, ClaimedTask claimed, String code, String message, Duration elapsed) {
        return owned(claimed).chain(task -> {
            Uni<Void> discard = discardAttempt(claimed);
            if (task == null) {
                return discard;
            }
            task.processingMs += elapsed.toMillis();
            return discard.chain(() -> failed(family, task, code, message));
        });
    }

    /**
     * Gives a task back unfinished (this worker is stopping): it is queued again for another worker, and the run
     * does not count as an attempt.
     */
    public Uni<Void> handBack(Family family, ClaimedTask claimed) {
        return owned(claimed).chain(task -> {
            Uni<Void> discard = discardAttempt(claimed);
            if (task == null) {
                return discard;
            }
            task.requeue();
            task.attempts--;
            task.progress = 0;
            return discard.chain(() -> queue.requeue(task));
        });
    }

    /** Forgets whatever this attempt stored. */
    public Uni<Void> discardAttempt(ClaimedTask claimed) {
        return garbage.discardPrefix(TaskOutputs.attemptPrefix(claimed.task(), claimed.attempt()));
    }

    /** The task, locked, if this worker's lease on this attempt still holds; else null. */
    public Uni<Task> owned(ClaimedTask claimed) {
        return tasks.lock(claimed.task().id)
                .map(task -> task != null
                                && Task.PROCESSING.equals(task.status)
                                && claimed.owner().equals(task.leaseOwner)
                                && task.attempts == claimed.attempt()
                        ? task
                        : null);
    }

    /** The media of a task, if it is still there (not deleted). */
    public Uni<io.mediawerk.media.Media> liveMedia(Task task) {
        return media.findById(task.mediaId).map(found -> found == null || found.isDeleted() ? null : found);
    }

    public Uni<Void> cancelled(Task task) {
        task.end(Task.CANCELLED);
        return ended(task);
    }

    /** Tells whoever follows tasks (a workflow run) that this one ended; in the caller's transaction. */
    public Uni<Void> ended(Task task) {
        return InTurn.each(endings, listener -> listener.ended(task));
    }

    private Uni<Void> failed(Family family, Task task, String code, String message) {
        task.errorCode = code;
        task.error = message;
        task.end(Task.FAILED);
        return growing.withdraw(task)
                .chain(() -> events.emit(
                        family.failedEvent(), task.projectId, family.view().apply(task)))
                .chain(() -> ended(task));
    }
}
