package io.mediawerk.intelligence.worker;

import io.mediawerk.api.Times;
import io.mediawerk.events.EventType;
import io.mediawerk.events.Events;
import io.mediawerk.intelligence.IntelligenceView;
import io.mediawerk.media.Media;
import io.mediawerk.media.MediaRepository;
import io.mediawerk.media.MediaViews;
import io.mediawerk.reactive.InTurn;
import io.mediawerk.source.SourceRepository;
import io.mediawerk.source.SourceView;
import io.mediawerk.storage.StorageGarbageCollector;
import io.mediawerk.task.Task;
import io.mediawerk.task.worker.ClaimedTask;
import io.mediawerk.task.worker.TaskLedger;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The database side of running an intelligence task: claims, failures and hand-backs as for every task ({@link
 * TaskLedger}), and completing one, which in one transaction adds the result to the media's intelligence prop under
 * the task's kind, stores the result source and writes the events.
 */
@ApplicationScoped
public class IntelligenceLedger {

    static final TaskLedger.Family FAMILY = new TaskLedger.Family(
            "Intelligence task", EventType.INTELLIGENCE_FAILED, task -> IntelligenceView.of(task, null, null));

    private final TaskLedger ledger;
    private final MediaRepository media;
    private final SourceRepository sources;
    private final MediaViews views;
    private final StorageGarbageCollector garbage;
    private final Events events;

    public IntelligenceLedger(
            TaskLedger ledger,
            MediaRepository media,
            SourceRepository sources,
            MediaViews views,
            StorageGarbageCollector garbage,
            Events events) {
        this.ledger = ledger;
        this.media = media;
        this.sources = sources;
        this.views = views;
        this.garbage = garbage;
        this.events = events;
    }

    /** Records the analysis; false (and its files discarded) if the task was lost meanwhile. */
    @WithTransaction
    public Uni<Boolean> complete(ClaimedTask claimed, Analysis analysis, Duration elapsed) {
        return ledger.owned(claimed).chain(task -> {
            if (task == null) {
                return garbage.discardAll(analysis.storageKeys()).replaceWith(false);
            }
            // locked: analyses of the same media completing together each add their kind
            return media.findById(task.mediaId, LockModeType.PESSIMISTIC_WRITE).chain(found -> {
                if (found == null || found.isDeleted()) {
                    return garbage.discardAll(analysis.storageKeys())
                            .chain(() -> ledger.cancelled(task))
                            .replaceWith(false);
                }
                task.result = analysis.summary();
                task.progress = 1;
                task.processingMs += elapsed.toMillis();
                task.end(Task.COMPLETED);
                addToMedia(found, task, analysis);
                SourceView output = views.source(analysis.output());
                return sources.persist(analysis.output())
                        .chain(() -> events.emit(EventType.SOURCE_CREATED, task.projectId, output))
                        .chain(() -> InTurn.each(
                                analysis.more(),
                                more -> sources.persist(more)
                                        .chain(() -> events.emit(
                                                EventType.SOURCE_CREATED, task.projectId, views.source(more)))))
                        .chain(() -> events.emit(
                                EventType.INTELLIGENCE_COMPLETED,
                                task.projectId,
                                IntelligenceView.of(task, task.result, output)))
                        .chain(() -> views.of(found))
                        .chain(view -> events.emit(EventType.MEDIA_UPDATED, task.projectId, view))
                        .chain(() -> ledger.ended(task))
                        .replaceWith(true);
            });
        });
    }

    /** The media's intelligence gains the summary under the kind, with where the whole result is. */
    private static void addToMedia(Media found, Task task, Analysis analysis) {
        Map<String, Object> entry = new LinkedHashMap<>(analysis.summary());
        entry.put("task_id", task.id);
        entry.put("source_id", analysis.output().id);
        entry.put("completed", task.completed.toString());
        Map<String, Object> intelligence = new HashMap<>(found.intelligence);
        intelligence.put(task.kind, entry);
        found.intelligence = intelligence;
        found.updated = Times.now();
    }
}
