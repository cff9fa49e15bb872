package io.mediawerk.delivery;

import io.mediawerk.source.Source;
import io.mediawerk.source.SourceRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Which file a delivery request may have: a source of a live media of a live project, nothing else. */
@ApplicationScoped
public class DeliveryService {

    private final SourceRepository sources;

    public DeliveryService(SourceRepository sources) {
        this.sources = sources;
    }

    @WithSession
    public Uni<Source> deliverable(String sourceId) {
        return sources.find("""
                select s from Source s, Media m, Project p
                where s.id = ?1 and m.id = s.mediaId and m.status <> 'deleted'
                and p.id = s.projectId and p.deleted is null""", sourceId).firstResult();
    }
}
