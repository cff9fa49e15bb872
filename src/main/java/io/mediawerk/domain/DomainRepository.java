package io.mediawerk.domain;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class DomainRepository implements PanacheRepositoryBase<Domain, String> {

    public Uni<Domain> findInProject(String projectId, String id) {
        return find("id = ?1 and projectId = ?2", id, projectId).firstResult();
    }

    public Uni<Domain> lock(String id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The pending or active claim on a hostname, by any project. */
    public Uni<Domain> claimOf(String hostname) {
        return find("hostname = ?1 and status <> ?2", hostname, Domain.FAILED).firstResult();
    }

    public Uni<List<Domain>> active() {
        return list("status = ?1 order by verified, id", Domain.ACTIVE);
    }

    /** Pending domains not checked since {@code before}, the longest-waiting first. */
    public Uni<List<Domain>> due(Instant before, int max) {
        return find(
                        "status = ?1 and (lastChecked is null or lastChecked < ?2) order by lastChecked nulls first",
                        Domain.PENDING,
                        before)
                .range(0, max - 1)
                .list();
    }
}
