package io.mediawerk.upload;

import io.mediawerk.database.SkipLocked;
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
                .chain(session -> SkipLocked.select(
                                session,
                                "from Upload u where u.status in ('open', 'partial', 'receiving') and u.expires < :cutoff"
                                        + " order by u.expires",
                                Upload.class,
                                max)
                        .setParameter("cutoff", now)
                        .getResultList());
    }
}
