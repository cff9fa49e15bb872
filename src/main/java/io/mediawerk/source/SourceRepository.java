package io.mediawerk.source;

import io.mediawerk.api.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class SourceRepository implements PanacheRepositoryBase<Source, String> {

    /** Filters of List Sources; null means "any". */
    public record Filter(String mediaId, String kind, String label) {}

    public Uni<Source> findInProject(String projectId, String id) {
        return find("id = ?1 and projectId = ?2", id, projectId).firstResult();
    }

    /** The file the media was made from (uploaded or ingested). */
    public Uni<Source> findOriginal(String mediaId) {
        return find("mediaId = ?1 and label = ?2 and taskId is null", mediaId, Source.ORIGINAL)
                .firstResult();
    }

    public Uni<List<Source>> listForMedia(String mediaId) {
        return find("mediaId", Sort.by("created").and("id"), mediaId).list();
    }

    public Uni<List<Source>> listForMedia(List<String> mediaIds) {
        return find("mediaId in ?1", Sort.by("created").and("id"), mediaIds).list();
    }

    public Uni<List<Source>> list(String projectId, Filter filter, PageRequest page) {
        Sort.Direction direction = page.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending;
        return find(where(filter), Sort.by(page.sort(), direction).and("id", direction), parameters(projectId, filter))
                .range(page.offset(), page.offset() + page.limit() - 1)
                .list();
    }

    public Uni<Long> count(String projectId, Filter filter) {
        return count(where(filter), parameters(projectId, filter));
    }

    private static String where(Filter filter) {
        StringBuilder where = new StringBuilder("projectId = :project");
        if (filter.mediaId() != null) {
            where.append(" and mediaId = :media");
        }
        if (filter.kind() != null) {
            where.append(" and kind = :kind");
        }
        if (filter.label() != null) {
            where.append(" and label = :label");
        }
        return where.toString();
    }

    private static Map<String, Object> parameters(String projectId, Filter filter) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("project", projectId);
        if (filter.mediaId() != null) {
            parameters.put("media", filter.mediaId());
        }
        if (filter.kind() != null) {
            parameters.put("kind", filter.kind());
        }
        if (filter.label() != null) {
            parameters.put("label", filter.label());
        }
        return parameters;
    }
}
