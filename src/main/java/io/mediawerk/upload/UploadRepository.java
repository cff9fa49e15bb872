package io.mediawerk.upload;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class UploadRepository implements PanacheRepositoryBase<Upload, String> {

    public Uni<Upload> findInProject(String projectId, String id) {
        return find("id = ?1 and projectId = ?2", id, projectId).firstResult();
    }

    /** The upload, locked until the transaction ends, so two requests never take the same upload at once. */
    public Uni<Upload> lock(String projectId, String id) {
        return find("id = ?1 and projectId = ?2", id, projectId)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** Unfinished uploads whose URL expired, whose parts must not linger in S3. */
    public Uni<List<Upload>> lockAbandoned(Instant now, int max) {
        return getSession()
                .chain(session -> session.createNativeQuery("""
                select * from uploads where status in ('open', 'partial', 'receiving') and expires < :cutoff
                order by expires limit :max for update skip locked""", Upload.class)
                        .setParameter("cutoff", now)
                        .setParameter("max", max)
                        .getResultList());
    }
}
