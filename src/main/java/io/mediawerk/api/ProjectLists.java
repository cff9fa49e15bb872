package io.mediawerk.api;

import io.mediawerk.database.ReadOnly;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import java.util.function.Function;

/** One page of a project's resources of one kind (webhooks, workflows, domains), in the order asked for. */
public final class ProjectLists {

    private ProjectLists() {}

    /** Entities with a {@code projectId}, sorted by the page's field then id, shown through {@code view}. */
    public static <E, V> Uni<Page<V>> page(
            PanacheRepositoryBase<E, String> repository, String projectId, PageRequest page, Function<E, V> view) {
        Sort.Direction direction = page.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending;
        return ReadOnly.session(() -> repository
                .count("projectId", projectId)
                .chain(total -> repository
                        .find("projectId", Sort.by(page.sort(), direction).and("id", direction), projectId)
                        .range(page.offset(), page.offset() + page.limit() - 1)
                        .list()
                        .map(list -> new Page<>(list.stream().map(view).toList(), total, page))));
    }
}
