package io.mediawerk.task;

import io.mediawerk.api.ApiException;
import io.mediawerk.api.Ids;
import io.mediawerk.api.PageRequest;
import io.mediawerk.database.SkipLocked;
import io.mediawerk.source.Source;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<Task, String> {

    /** Filters of a task list; null means "any". */
    public record Filter(String mediaId, String status, String kind) {

        /** 400 naming the filter that cannot match: a malformed media id, an unknown status or kind. */
        public Filter check(Set<String> kinds) {
            if (mediaId != null && !Ids.looksLike(mediaId, "med")) {
                throw ApiException.invalid("media_id", "media_id must be a media id such as med_598j8Q37dsM3zzRe.");
            }
            if (status != null && !Task.STATUSES.contains(status)) {
                throw ApiException.invalid(
                        "status", "status must be one of " + String.join(", ", new TreeSet<>(Task.STATUSES)) + ".");
            }
            if (kind != null && !kinds.contains(kind)) {
                throw ApiException.invalid(
                        "kind", "kind must be one of " + String.join(", ", new TreeSet<>(kinds)) + ".");
            }
            return this;
        }
    }

    /** A task of the project with its output source (null while it has none), in one query. */
    public record WithOutput(Task task, Source output) {}

    public Uni<WithOutput> findWithOutput(String projectId, String family, String id) {
        return getSession()
                .chain(session -> session.createSelectionQuery("""
                        select t, s from Task t left join Source s on s.id = t.outputSourceId and t.status <> 'pending'
                        where t.id = :id and t.projectId = :project and t.family = :family""", Object[].class)
                        .setParameter("id", id)
                        .setParameter("project", projectId)
                        .setParameter("family", family)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : new WithOutput((Task) rows.get(0)[0], (Source) rows.get(0)[1]));
    }

    public Uni<Task> findInProject(String projectId, String family, String id) {
        return find("id = ?1 and projectId = ?2 and family = ?3", id, projectId, family)
                .firstResult();
    }

    /** The task, locked until the transaction ends, so that claims, cancels and completions take turns. */
    public Uni<Task> lock(String id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<Task>> list(String projectId, String family, Filter filter, PageRequest page) {
        Sort.Direction direction = page.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending;
        return find(
                        where(filter),
                        Sort.by(page.sort(), direction).and("id", direction),
                        parameters(projectId, family, filter))
                .range(page.offset(), page.offset() + page.limit() - 1)
                .list();
    }

    public Uni<Long> count(String projectId, String family, Filter filter) {
        return count(where(filter), parameters(projectId, family, filter));
    }

    /**
     * Stores progress and extends the lease, if the worker still owns the running task and its media is live.
     *
     * @return false when the task was cancelled, taken over or its media deleted: the worker must stop
     */
    public Uni<Boolean> heartbeat(String id, String owner, double progress, Instant leaseUntil, Instant now) {
        return getSession()
                .chain(session -> session.createNativeQuery("""
                        update tasks t set progress = :progress, lease_until = :until, updated = :now
                        from media m
                        where t.id = :id and t.status = 'processing' and t.lease_owner = :owner
                        and m.id = t.media_id and m.status <> 'deleted'""")
                        .setParameter("progress", progress)
                        .setParameter("until", leaseUntil)
                        .setParameter("now", now)
                        .setParameter("id", id)
                        .setParameter("owner", owner)
                        .executeUpdate())
                .map(updated -> updated > 0);
    }

    /** Running tasks whose worker stopped renewing the lease, locked so that instances never rescue one twice. */
    public Uni<List<Task>> lockAbandoned(Instant now, int max) {
        return getSession()
                .chain(session -> SkipLocked.select(
                                session,
                                "from Task t where t.status = 'processing' and t.leaseUntil < :now order by t.leaseUntil",
                                Task.class,
                                max)
                        .setParameter("now", now)
                        .getResultList());
    }

    /**
     * Tasks pending since before {@code before}: their message may be gone (acknowledged by a worker that could not
     * reach the database for long), or they are simply waiting behind a long queue; queueing them again is harmless.
     */
    public Uni<List<Task>> lockStalePending(Instant before, int max) {
        return getSession()
                .chain(session -> SkipLocked.select(
                                session,
                                "from Task t where t.status = 'pending' and t.updated < :before order by t.updated",
                                Task.class,
                                max)
                        .setParameter("before", before)
                        .getResultList());
    }

    private static String where(Filter filter) {
        StringBuilder where = new StringBuilder("projectId = :project and family = :family");
        if (filter.mediaId() != null) {
            where.append(" and mediaId = :media");
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
        }
        if (filter.kind() != null) {
            where.append(" and kind = :kind");
        }
        return where.toString();
    }

    private static Map<String, Object> parameters(String projectId, String family, Filter filter) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("project", projectId);
        parameters.put("family", family);
        if (filter.mediaId() != null) {
            parameters.put("media", filter.mediaId());
        }
        if (filter.status() != null) {
            parameters.put("status", filter.status());
        }
        if (filter.kind() != null) {
            parameters.put("kind", filter.kind());
        }
        return parameters;
    }
}
