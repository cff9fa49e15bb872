package io.mediawerk.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.mediawerk.api.ApiException;
import io.mediawerk.api.Page;
import io.mediawerk.api.PageRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Lists of media that cost the same on every page: keyset paging by {@code (created, id)} on the index made for it
 * (migration V14), one row more than asked telling whether another page follows; and a total counted exactly up to
 * {@link #EXACT_UP_TO}, estimated from PostgreSQL's statistics above (and then kept for {@link #ESTIMATE_FOR}).
 * The page and count queries are HQL, not SQL: Hibernate Reactive (3.2) never finds a native query's plan in its
 * cache (its result set mapping has no equals), so each native query adds an entry that every later one with the same
 * SQL is compared against (a tenth of a list's time).
 */
@ApplicationScoped
public class MediaPages {

    static final int EXACT_UP_TO = 10_000;
    /** How long a large list's estimated total is used before it is estimated again. */
    private static final Duration ESTIMATE_FOR = Duration.ofSeconds(10);

    private final MediaRepository media;
    /** Estimated totals of the lists found larger than {@link #EXACT_UP_TO}: "project/kind" → total. */
    private final Cache<String, Long> largeTotals = Caffeine.newBuilder()
            .expireAfterWrite(ESTIMATE_FOR)
            .maximumSize(10_000)
            .build();

    public MediaPages(MediaRepository media) {
        this.media = media;
    }

    public Uni<Page<Media>> page(String projectId, String kind, PageRequest request) {
        PageRequest.Cursor cursor = request.cursor();
        boolean backwards = cursor.before() != null;
        String from = backwards ? cursor.before() : cursor.after();
        boolean walkDown = request.ascending() == backwards;
        String direction = walkDown ? "desc" : "asc";
        String hql = "from Media m where " + where(kind)
                + (from == null
                        ? ""
                        : " and (m.created, m.id) " + (walkDown ? "<" : ">")
                                + " (select c.created, c.id from Media c where c.id = :cursor and c.projectId = :project)")
                + " order by m.created " + direction + ", m.id " + direction;
        return media.getSession().chain(session -> {
            Mutiny.SelectionQuery<Media> query = session.createSelectionQuery(hql, Media.class)
                    .setParameter("project", projectId)
                    .setMaxResults(request.limit() + 1);
            if (kind != null) {
                query.setParameter("kind", kind);
            }
            if (from != null) {
                query.setParameter("cursor", from);
            }
            return query.getResultList()
                    .call(rows -> rows.isEmpty() && from != null
                            ? requireCursor(session, projectId, from, backwards)
                            : Uni.createFrom().voidItem())
                    .chain(rows ->
                            total(session, projectId, kind).map(total -> page(rows, total, request, from, backwards)));
        });
    }

    private static Page<Media> page(List<Media> rows, long total, PageRequest request, String from, boolean backwards) {
        boolean more = rows.size() > request.limit();
        List<Media> items = new ArrayList<>(more ? rows.subList(0, request.limit()) : rows);
        if (backwards) {
            Collections.reverse(items);
        }
        String first = items.isEmpty() ? null : items.get(0).id;
        String last = items.isEmpty() ? null : items.get(items.size() - 1).id;
        return backwards
                ? new Page<>(items, total, request, more ? first : null, last)
                : new Page<>(items, total, request, from == null ? null : first, more ? last : null);
    }

    private static Uni<Void> requireCursor(Mutiny.Session session, String projectId, String id, boolean backwards) {
        return session.createSelectionQuery(
                        "select count(*) from Media m where m.id = :id and m.projectId = :project", Long.class)
                .setParameter("id", id)
                .setParameter("project", projectId)
                .getSingleResult()
                .invoke(found -> {
                    if (found == 0) {
                        String param = backwards ? "before" : "after";
                        throw ApiException.invalid(param, "No media with id '" + id + "' exists to page from.");
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Long> total(Mutiny.Session session, String projectId, String kind) {
        String list = projectId + "/" + kind;
        Long large = largeTotals.getIfPresent(list);
        if (large != null) {
            return Uni.createFrom().item(large);
        }
        Mutiny.SelectionQuery<Long> count = session.createSelectionQuery(
                        "select count(*) from (select m.id as id from Media m where " + where(kind)
                                + " order by m.created desc, m.id desc limit " + (EXACT_UP_TO + 1) + ") counted",
                        Long.class)
                .setParameter("project", projectId);
        if (kind != null) {
            count.setParameter("kind", kind);
        }
        return count.getSingleResult()
                .chain(counted -> counted <= EXACT_UP_TO
                        ? Uni.createFrom().item(counted)
                        : session.createNativeQuery("select estimated_live_media(:project, :kind)", Long.class)
                                .setParameter("project", projectId)
                                .setParameter("kind", kind)
                                .getSingleResult()
                                .map(estimate -> Math.max(estimate, counted))
                                .invoke(estimate -> largeTotals.put(list, estimate)));
    }

    private static String where(String kind) {
        return "m.projectId = :project and m.status <> 'deleted'" + (kind == null ? "" : " and m.kind = :kind");
    }
}
