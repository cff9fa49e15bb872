package io.mediawerk.files;

import io.mediawerk.config.CacheSettings;
import io.mediawerk.database.ChangeAwareCache;
import io.mediawerk.database.ChangeListener;
import io.mediawerk.source.Source;
import io.mediawerk.source.SourceRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Which file a delivery request may have: a source of a live media of a live project, nothing else. Kept in memory
 * for a few seconds; a change to the source, its media's privacy or status, or its project drops it at once on
 * every instance.
 */
@ApplicationScoped
public class DeliverableFiles implements ChangeListener {

    private final SourceRepository sources;
    private final ChangeAwareCache<String, Deliverable> cache;

    public DeliverableFiles(SourceRepository sources, CacheSettings settings) {
        this.sources = sources;
        this.cache = new ChangeAwareCache<>(settings.filesFor(), settings.maxEntries());
    }

    /** What delivery needs of a source, and whether its media is private (served only through signed URLs). */
    public record Deliverable(
            String id,
            String projectId,
            String mediaId,
            String status,
            String storageKey,
            long filesize,
            String mimeType,
            String etag,
            Map<String, Long> files,
            String mainFile,
            Instant created,
            boolean isPrivate) {

        static Deliverable of(Source source, boolean isPrivate) {
            return new Deliverable(
                    source.id,
                    source.projectId,
                    source.mediaId,
                    source.status,
                    source.storageKey,
                    source.filesize == null ? 0 : source.filesize,
                    source.mimeType,
                    source.etag,
                    source.files == null ? null : Map.copyOf(source.files),
                    source.mainFile,
                    source.created,
                    isPrivate);
        }
    }

    /** What one not yet in memory may wait for the database: a delivery is not tracked by the shedding's sweep. */
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(2);

    public Uni<Deliverable> deliverable(String sourceId) {
        return cache.get(
                sourceId,
                () -> load(sourceId)
                        .ifNoItem()
                        .after(LOOKUP_TIMEOUT)
                        .failWith(() -> new TimeoutException("the database did not answer within " + LOOKUP_TIMEOUT)));
    }

    @WithSession
    Uni<Deliverable> load(String sourceId) {
        return sources.getSession()
                .chain(session -> session.createSelectionQuery("""
                select s, coalesce(m.privateDelivery, p.privateDelivery) from Source s, Media m, Project p
                where s.id = :id and m.id = s.mediaId and m.status <> 'deleted'
                and p.id = s.projectId and p.deleted is null""", Object[].class)
                        .setParameter("id", sourceId)
                        .getResultList())
                .map(rows -> rows.isEmpty()
                        ? null
                        : Deliverable.of((Source) rows.get(0)[0], Boolean.TRUE.equals(rows.get(0)[1])));
    }

    @Override
    public void changed(String kind, String id) {
        switch (kind) {
            case "source" -> cache.forget(id);
            case "media" -> cache.forgetIf(Deliverable::mediaId, id);
            case "project" -> cache.forgetIf(Deliverable::projectId, id);
            default -> {
                // keys do not change what a file is
            }
        }
    }

    @Override
    public void forgetAll() {
        cache.forgetAll();
    }
}
