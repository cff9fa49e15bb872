package io.mediawerk.jobs;

import io.mediawerk.database.SkipLocked;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxMessage, Long> {

    /** Tells the listening relays that the outbox has news, once the current transaction commits. */
    public Uni<Void> notifyRelay() {
        return getSession()
                .chain(session -> session.createNativeQuery("select pg_notify(:channel, '')")
                        .setParameter("channel", OutboxWakeUp.CHANNEL)
                        .getSingleResult())
                .replaceWithVoid();
    }

    /** The oldest waiting messages, locked so that relays of other instances skip them. */
    public Uni<List<OutboxMessage>> lockOldest(int max) {
        return getSession()
                .chain(session -> SkipLocked.select(
                                session, "from OutboxMessage o order by o.id", OutboxMessage.class, max)
                        .getResultList());
    }
}
