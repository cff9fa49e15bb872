package io.mediawerk.transform.worker;

import io.mediawerk.events.EventType;
import io.mediawerk.events.Events;
import io.mediawerk.media.MediaViews;
import io.mediawerk.source.Source;
import io.mediawerk.source.SourceRepository;
import io.mediawerk.storage.StorageGarbageCollector;
import io.mediawerk.task.Task;
import io.mediawerk.task.worker.ClaimedTask;
import io.mediawerk.task.worker.TaskLedger;
import io.mediawerk.transform.TransformView;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The database side of running a transform: claims, failures and hand-backs as for every task ({@link TaskLedger}),
 * and completing one, which stores its output source and the events in the same transaction.
 */
@ApplicationScoped
public class TransformLedger {

    static final TaskLedger.Family FAMILY =
            new TaskLedger.Family("Transform", EventType.TRANSFORM_FAILED, task -> TransformView.of(task, null));

    private final TaskLedger ledger;
    private final SourceRepository sources;
    private final MediaViews views;
    private final StorageGarbageCollector garbage;
    private final Events events;

    public TransformLedger(
            TaskLedger ledger,
            SourceRepository sources,
            MediaViews views,
            StorageGarbageCollector garbage,
            Events events) {
        this.ledger = ledger;
        this.sources = sources;
        this.views = views;
        this.garbage = garbage;
        this.events = events;
    }

    /** Records the output source and the completed task; false (and the files discarded) if the task was lost. */
    @WithTransaction
    public Uni<Boolean> complete(ClaimedTask claimed, Source output, Duration elapsed) {
        return ledger.owned(claimed).chain(task -> {
            if (task == null) {
                return garbage.discardAll(output.storageKeys()).replaceWith(false);
            }
            return ledger.liveMedia(task).chain(found -> {
                if (found == null) {
                    return garbage.discardAll(output.storageKeys())
                            .chain(() -> ledger.cancelled(task))
                            .replaceWith(false);
                }
                task.progress = 1;
                task.processingMs += elapsed.toMillis();
                task.end(Task.COMPLETED);
                return sources.persist(output)
                        .chain(() -> events.emit(EventType.SOURCE_CREATED, task.projectId, views.source(output)))
                        .chain(() -> events.emit(
                                EventType.TRANSFORM_COMPLETED,
                                task.projectId,
                                TransformView.of(task, views.source(output))))
                        .chain(() -> ledger.ended(task))
                        .replaceWith(true);
            });
        });
    }
}
