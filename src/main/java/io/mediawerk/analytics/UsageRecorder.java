package io.mediawerk.analytics;

import io.mediawerk.media.Media;
import io.mediawerk.media.MediaArrivals;
import io.mediawerk.source.Source;
import io.mediawerk.task.Task;
import io.mediawerk.task.TaskEndings;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Adds to the day's usage figures in the caller's transaction: an upload received, a new media ready, a task ended
 * (with its processing time). One upsert per event, onto a row per project, media, day and figure.
 */
@ApplicationScoped
public class UsageRecorder implements MediaArrivals, TaskEndings {

    static final String UPLOADS = "uploads";
    static final String MEDIA = "media";
    static final String TASKS = "tasks";

    private final UsageClock clock;

    public UsageRecorder(UsageClock clock) {
        this.clock = clock;
    }

    public Uni<Void> uploaded(String projectId, String mediaId, long bytes) {
        return add(projectId, mediaId, UPLOADS, "", bytes);
    }

    @Override
    public Uni<Void> ready(Media media, Source original) {
        return add(media.projectId, media.id, MEDIA, media.kind, media.filesize);
    }

    @Override
    public Uni<Void> ended(Task task) {
        return add(task.projectId, task.mediaId, TASKS, task.kind + ":" + task.status, task.processingMs);
    }

    private Uni<Void> add(String projectId, String mediaId, String metric, String dimension, long amount) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        insert into usage_daily (project_id, media_id, day, metric, dimension, count, amount)
                        values (:project, :media, :day, :metric, :dimension, 1, :amount)
                        on conflict (project_id, day, metric, dimension, media_id) do update
                        set count = usage_daily.count + 1, amount = usage_daily.amount + excluded.amount""")
                        .setParameter("project", projectId)
                        .setParameter("media", mediaId)
                        .setParameter("day", clock.today())
                        .setParameter("metric", metric)
                        .setParameter("dimension", dimension)
                        .setParameter("amount", amount)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
