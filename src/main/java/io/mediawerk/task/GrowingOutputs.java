package io.mediawerk.task;

import io.mediawerk.events.EventType;
import io.mediawerk.events.Events;
import io.mediawerk.media.MediaViews;
import io.mediawerk.source.Source;
import io.mediawerk.source.SourceRepository;
import io.mediawerk.storage.StorageGarbageCollector;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Outputs published while their task still runs (an HLS ladder's first rungs). A task that ends without completing —
 * cancelled or failed — takes its published output with it: the source row, its files and a {@code source.deleted}.
 */
@ApplicationScoped
public class GrowingOutputs {

    private final SourceRepository sources;
    private final StorageGarbageCollector garbage;
    private final Events events;
    private final MediaViews views;

    public GrowingOutputs(SourceRepository sources, StorageGarbageCollector garbage, Events events, MediaViews views) {
        this.sources = sources;
        this.garbage = garbage;
        this.events = events;
        this.views = views;
    }

    /** In the caller's transaction. */
    public Uni<Void> withdraw(Task task) {
        return sources.findById(task.outputSourceId).chain(published -> {
            if (published == null || !Source.PROCESSING.equals(published.status)) {
                return Uni.createFrom().voidItem();
            }
            return sources.delete(published)
                    .chain(() -> garbage.discardPrefix(TaskOutputs.growingPrefix(task)))
                    .chain(() -> events.emit(EventType.SOURCE_DELETED, task.projectId, views.source(published)));
        });
    }
}
