package io.mediawerk.database;

import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The next rows for a poller (outbox relay, task rescuer, sweepers of storage, uploads, expired media and deleted
 * projects): at most {@code max}, locked until the transaction ends, and skipped by the same poller on other
 * instances ({@code for no key update skip locked}). In HQL, not SQL: Hibernate Reactive (3.2) never finds a native
 * query's plan in its cache (its result set mapping has no equals), so a native poll would add a cache entry every
 * run, each compared against the next.
 */
public final class SkipLocked {

    private SkipLocked() {}

    public static <T> Mutiny.SelectionQuery<T> select(Mutiny.Session session, String hql, Class<T> type, int max) {
        return session.createSelectionQuery(hql, type)
                .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                .setMaxResults(max);
    }
}
