package io.mediawerk.media;

import io.mediawerk.api.ApiException;
import io.mediawerk.api.PageRequest;
import io.mediawerk.database.SkipLocked;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class MediaRepository implements PanacheRepositoryBase<Media, String> {

    public Uni<Media> findInProject(String projectId, String id) {
        return find("id = ?1 and projectId = ?2", id, projectId).firstResult();
    }

    /**
     * The project's media named in a body's {@code media_id}, which must be ready: 404 naming {@code media_id}, or
     * 409 {@code media_not_ready} ending with {@code purpose} (e.g. "it can be analysed once it is ready").
     */
    public Uni<Media> findReady(String projectId, String id, String purpose) {
        return findInProject(projectId, id)
                .onItem()
                .ifNull()
                .failWith(() -> new ApiException(404, "not_found", "No media with id '" + id + "' exists.", "media_id"))
                .invoke(found -> {
                    if (!Media.READY.equals(found.status)) {
                        throw ApiException.conflict(
                                "media_not_ready", "Media " + found.id + " is " + found.status + "; " + purpose + ".");
                    }
                });
    }

    /** Live (not deleted) media of a project, optionally of one kind. */
    public Uni<List<Media>> listLive(String projectId, String kind, PageRequest page) {
        Sort.Direction direction = page.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending;
        return find(
                        liveWhere(kind),
                        Sort.by(page.sort(), direction).and("id", direction),
                        liveParameters(projectId, kind))
                .range(page.offset(), page.offset() + page.limit() - 1)
                .list();
    }

    public Uni<Long> countLive(String projectId, String kind) {
        return count(liveWhere(kind), liveParameters(projectId, kind));
    }

    /** Expired media to delete, locked so that instances sweeping at once never take the same one. */
    public Uni<List<Media>> lockExpired(Instant now, int max) {
        return getSession()
                .chain(session -> SkipLocked.select(
                                session,
                                "from Media m where m.expires <= :now and m.status <> 'deleted' order by m.expires",
                                Media.class,
                                max)
                        .setParameter("now", now)
                        .getResultList());
    }

    public Uni<List<Media>> listAllOfProject(String projectId) {
        return list("projectId", projectId);
    }

    private static String liveWhere(String kind) {
        return "projectId = :project and status <> 'deleted'" + (kind == null ? "" : " and kind = :kind");
    }

    private static Map<String, Object> liveParameters(String projectId, String kind) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("project", projectId);
        if (kind != null) {
            parameters.put("kind", kind);
        }
        return parameters;
    }
}
