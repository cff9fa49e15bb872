package io.mediawerk.storage;

import io.mediawerk.database.SkipLocked;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class StorageGarbageRepository implements PanacheRepositoryBase<StorageGarbage, String> {

    /** Adds a key unless it is already waiting. */
    public Uni<Void> add(String key, String multipartId, Instant now) {
        return getSession()
                .chain(session -> session.createNativeQuery("""
                        insert into storage_garbage (key, multipart_id, created, attempts)
                        values (:key, :multipart, :now, 0) on conflict (key) do nothing""")
                        .setParameter("key", key)
                        .setParameter("multipart", multipartId)
                        .setParameter("now", now)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<List<StorageGarbage>> lockBatch(int max) {
        return getSession()
                .chain(session -> SkipLocked.select(
                                session, "from StorageGarbage g order by g.created", StorageGarbage.class, max)
                        .getResultList());
    }
}
