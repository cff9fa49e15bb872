package io.mediawerk.files;

import io.mediawerk.source.Source;
import io.mediawerk.source.SourceRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Which file a delivery request may have: a source of a live media of a live project, nothing else. */
@ApplicationScoped
public class DeliverableFiles {

    private final SourceRepository sources;

    public DeliverableFiles(SourceRepository sources) {
        this.sources = sources;
    }

    /** A file that may be delivered, and whether its media is private (served only through signed URLs). */
    public record Deliverable(Source source, boolean isPrivate) {}

    @WithSession
    public Uni<Deliverable> deliverable(String sourceId) {
        return sources.getSession()
                .chain(session -> session.createSelectionQuery("""
                select s, coalesce(m.privateDelivery, p.privateDelivery) from Source s, Media m, Project p
                where s.id = :id and m.id = s.mediaId and m.status <> 'deleted'
                and p.id = s.projectId and p.deleted is null""", Object[].class)
                        .setParameter("id", sourceId)
                        .getResultList())
                .map(rows -> rows.isEmpty()
                        ? null
                        : new Deliverable((Source) rows.get(0)[0], Boolean.TRUE.equals(rows.get(0)[1])));
    }
}
