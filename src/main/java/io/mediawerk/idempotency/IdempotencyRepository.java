package io.mediawerk.idempotency;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

@ApplicationScoped
public class IdempotencyRepository implements PanacheRepositoryBase<IdempotencyRecord, String> {

    /** Claims the key for a new request; false when a record for it exists already. */
    public Uni<Boolean> claim(String id, String fingerprint, Instant now) {
        return getSession()
                .chain(session -> session.createNativeQuery("""
                        insert into idempotency_records (id, fingerprint, created) values (:id, :fingerprint, :now)
                        on conflict (id) do nothing""")
                        .setParameter("id", id)
                        .setParameter("fingerprint", fingerprint)
                        .setParameter("now", now)
                        .executeUpdate())
                .map(rows -> rows == 1);
    }

    public Uni<Long> deleteOlderThan(Instant cutoff) {
        return delete("created < ?1", cutoff);
    }
}
