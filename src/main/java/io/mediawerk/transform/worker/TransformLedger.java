package io.mediawerk.transform.worker;

import io.mediawerk.api.Times;
import io.mediawerk.events.EventType;
import io.mediawerk.events.Events;
import io.mediawerk.media.Media;
import io.mediawerk.media.MediaViews;
import io.mediawerk.media.Playback;
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

    /**
     * Makes a growing output (the first rungs of an HLS ladder) the task's source before the task ends: created
     * the first time, updated after; false if the task is no longer this worker's or its media is gone.
     */
    @WithTransaction
    public Uni<Boolean> publish(ClaimedTask claimed, Source partial) {
        return ledger.owned(claimed)
                .chain(task -> task == null
                        ? Uni.createFrom().item(false)
                        : ledger.liveMedia(task)
                                .chain(media -> media == null
                                        ? Uni.createFrom().item(false)
                                        : record(task, media, partial).replaceWith(true)));
    }

    /** Records the output source and the completed task; false (and the files discarded) if the task was lost. */
    @WithTransaction
    public Uni<Boolean> complete(ClaimedTask claimed, Source output, Duration elapsed) {
        return ledger.owned(claimed).chain(task -> {
            if (task == null) {
                return discardUnpublished(output).replaceWith(false);
            }
            return ledger.liveMedia(task).chain(found -> {
                if (found == null) {
                    return discardUnpublished(output)
                            .chain(() -> ledger.cancelled(task))
                            .replaceWith(false);
                }
                task.progress = 1;
                task.processingMs += elapsed.toMillis();
                task.end(Task.COMPLETED);
                return record(task, found, output)
                        .chain(saved -> events.emit(
                                EventType.TRANSFORM_COMPLETED,
                                task.projectId,
                                TransformView.of(task, views.source(saved))))
                        .chain(() -> ledger.ended(task))
                        .replaceWith(true);
            });
        });
    }

    /**
     * Saves the task's source: {@code source.created} the first time (and {@code media.playable} when it is the
     * media's playback stream), {@code source.updated} when a growing one changes.
     */
    private Uni<Source> record(Task task, Media media, Source made) {
        return sources.findById(made.id).chain(existing -> {
            if (existing == null) {
                Uni<Void> created = sources.persist(made)
                        .chain(() -> events.emit(EventType.SOURCE_CREATED, task.projectId, views.source(made)));
                if (Playback.LABEL.equals(made.label) && "hls".equals(made.container)) {
                    created = created.chain(() -> views.of(media))
                            .chain(view -> events.emit(EventType.MEDIA_PLAYABLE, task.projectId, view));
                }
                return created.replaceWith(made);
            }
            existing.files = made.files;
            existing.filesize = made.filesize;
            existing.etag = made.etag;
            existing.metadata = made.metadata;
            existing.width = made.width;
            existing.height = made.height;
            existing.duration = made.duration;
            existing.fps = made.fps;
            existing.bitrate = made.bitrate;
            existing.videoCodec = made.videoCodec;
            existing.audioCodec = made.audioCodec;
            existing.status = made.status;
            existing.updated = Times.now();
            return events.emit(EventType.SOURCE_UPDATED, task.projectId, views.source(existing))
                    .replaceWith(existing);
        });
    }

    /** A lost task's files go, unless they are a growing source's that players may be reading. */
    private Uni<Void> discardUnpublished(Source output) {
        return sources.findById(output.id)
                .chain(published ->
                        published != null ? Uni.createFrom().voidItem() : garbage.discardAll(output.storageKeys()));
    }
}
