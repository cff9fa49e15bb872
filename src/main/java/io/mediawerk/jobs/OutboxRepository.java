package io.mediawerk.jobs;

import io.mediawerk.database.SkipLocked;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxMessage, Long> {

    /**
     * Tells the listening relays that the outbox has news, once the current transaction commits. A statement, not
     * {@code select pg_notify(…)}: Hibernate Reactive would add a plan to its cache for every such select (see
     * {@code database.SkipLocked}).
     */
    public Uni<Void> notifyRelay() {
        return getSession()
                .chain(session -> session.createNativeQuery("notify " + OutboxWakeUp.CHANNEL)
                        .executeUpdate())
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
