package io.mediawerk.transform.worker;

import io.mediawerk.task.worker.ClaimedTask;
import io.mediawerk.api.Times;
import io.mediawerk.config.MediawerkConfig;
import io.mediawerk.events.Events;
import io.mediawerk.jobs.Outbox;
import io.mediawerk.jobs.Topics;
import io.mediawerk.media.MediaRepository;
import io.mediawerk.media.MediaViews;
import io.mediawerk.source.Source;
import io.mediawerk.source.SourceRepository;
import io.mediawerk.storage.StorageGarbageCollector;
import io.mediawerk.task.Task;
import io.mediawerk.task.TaskJob;
import io.mediawerk.task.TaskRepository;
import io.mediawerk.task.TaskOutputs;
import io.mediawerk.transform.TransformView;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * The database side of running a transform: claiming it (a lease), and recording how it ended. Every step locks
 * the task row and checks that this worker's lease on this attempt still holds, so that a cancel, a takeover after
 * a stall, or a redelivered message can never produce a second output or overwrite a final state.
 */
@ApplicationScoped
public class TransformLedger {

    private final TaskRepository tasks;
    private final MediaRepository media;
    private final SourceRepository sources;
    private final MediaViews views;
    private final StorageGarbageCollector garbage;
    private final Events events;
    private final Outbox outbox;
    private final Duration lease;
    private final int maxAttempts;

    public TransformLedger(TaskRepository tasks, MediaRepository media, SourceRepository sources, MediaViews views,
                           StorageGarbageCollector garbage, Events events, Outbox outbox, MediawerkConfig config) {
        this.tasks = tasks;
        this.media = media;
        this.sources = sources;
        this.views = views;
        this.garbage = garbage;
        this.events = events;
        this.outbox = outbox;
        this.lease = config.transforms().lease();
        this.maxAttempts = config.transforms().maxAttempts();
    }

    /** The task, if it is this worker's to run now; null when it is finished, running elsewhere, or cannot run. */
    @WithTransaction
    public Uni<ClaimedTask> claim(String taskId, String owner) {
        return tasks.lock(taskId).chain(task -> {
            Instant now = Times.now();
            if (task == null || task.isFinished()) {
                return Uni.createFrom().nullItem();
            }
            if (Task.PROCESSING.equals(task.status) && task.leaseUntil != null && task.leaseUntil.isAfter(now)) {
                Log.debugf("Transform %s is running on %s; this message is a duplicate", task.id, task.leaseOwner);
                return Uni.createFrom().nullItem();
            }
            if (task.attempts >= maxAttempts) {
                return failed(task, "transform_interrupted", "The transform was interrupted " + task.attempts
                        + " times (its worker stopped while running it). Create it again to retry.")
                        .replaceWith((ClaimedTask) null);
            }
            return media.findById(task.mediaId).chain(found -> found == null || found.isDeleted()
                    ? cancelled(task).replaceWith((ClaimedTask) null)
                    : sources.findById(task.inputSourceId).chain(input -> input == null
                    ? failed(task, "input_deleted", "The input source " + task.inputSourceId + " was deleted "
                    + "before the transform ran.").replaceWith((ClaimedTask) null)
                    : start(task, input, owner, now)));
        });
    }

    private Uni<ClaimedTask> start(Task task, Source input, String owner, Instant now) {
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

    /** Records the output source and the completed task; false (and the files discarded) if the task was lost. */
    @WithTransaction
    public Uni<Boolean> complete(ClaimedTask claimed, Source output, Duration elapsed) {
        return owned(claimed).chain(task -> {
            if (task == null) {
                return garbage.discardAll(output.storageKeys()).replaceWith(false);
            }
            return media.findById(task.mediaId).chain(found -> {
                if (found == null || found.isDeleted()) {
                    return garbage.discardAll(output.storageKeys()).chain(() -> cancelled(task)).replaceWith(false);
                }
                task.progress = 1;
                task.processingMs += elapsed.toMillis();
                task.end(Task.COMPLETED);
                return sources.persist(output)
                        .chain(() -> events.emit("source.created", task.projectId, views.source(output)))
                        .chain(() -> events.emit("transform.completed", task.projectId,
                                TransformView.of(task, views.source(output))))
                        .replaceWith(true);
            });
        });
    }

    /** Records a failure the user can act on; nothing if the task was lost meanwhile. */
    @WithTransaction
    public Uni<Void> fail(ClaimedTask claimed, String code, String message, Duration elapsed) {
        return owned(claimed).chain(task -> {
            Uni<Void> discard = garbage.discardPrefix(TaskOutputs.attemptPrefix(claimed.task(),
                    claimed.attempt()));
            if (task == null) {
                return discard;
            }
            task.processingMs += elapsed.toMillis();
            return discard.chain(() -> failed(task, code, message));
        });
    }

    /**
     * Gives a task back unfinished (this worker is stopping): it is queued again for another worker, and the run
     * does not count as an attempt.
     */
    @WithTransaction
    public Uni<Void> handBack(ClaimedTask claimed) {
        return owned(claimed).chain(task -> {
            Uni<Void> discard = garbage.discardPrefix(TaskOutputs.attemptPrefix(claimed.task(),
                    claimed.attempt()));
            if (task == null) {
                return discard;
            }
            task.requeue();
            task.attempts--;
            task.progress = 0;
            return discard.chain(() -> outbox.add(Topics.TRANSFORM, task.id, new TaskJob(task.id)));
        });
    }

    /** Forgets whatever a run that lost its task may have stored. */
    @WithTransaction
    public Uni<Void> abandon(ClaimedTask claimed) {
        return garbage.discardPrefix(TaskOutputs.attemptPrefix(claimed.task(), claimed.attempt()));
    }

    /** The task, locked, if this worker's lease on this attempt still holds; else null. */
    private Uni<Task> owned(ClaimedTask claimed) {
        return tasks.lock(claimed.task().id).map(task -> task != null && Task.PROCESSING.equals(task.status)
                && claimed.owner().equals(task.leaseOwner) && task.attempts == claimed.attempt() ? task : null);
    }

    private Uni<Void> failed(Task task, String code, String message) {
        task.errorCode = code;
        task.error = message;
        task.end(Task.FAILED);
        return events.emit("transform.failed", task.projectId, TransformView.of(task, null));
    }

    private Uni<Void> cancelled(Task task) {
        task.end(Task.CANCELLED);
        return Uni.createFrom().voidItem();
    }
}
