package io.mediawerk.project;

import io.mediawerk.api.PageRequest;
import io.mediawerk.database.SkipLocked;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, String> {

    private static final Map<String, String> SORT_COLUMNS =
            Map.of("created", "created", "updated", "updated", "name", "name");

    public Uni<Project> findLive(String orgId, String id) {
        return find("id = ?1 and orgId = ?2 and deleted is null", id, orgId).firstResult();
    }

    public Uni<List<Project>> listLive(String orgId, PageRequest page) {
        Sort.Direction direction = page.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending;
        Sort sort = Sort.by(SORT_COLUMNS.get(page.sort()), direction).and("id", direction);
        return find("orgId = ?1 and deleted is null", sort, orgId)
                .range(page.offset(), page.offset() + page.limit() - 1)
                .list();
    }

    public Uni<Long> countLive(String orgId) {
        return count("orgId = ?1 and deleted is null", orgId);
    }

    /** Deleted projects waiting to be purged, locked so that two instances never purge the same one. */
    public Uni<List<Project>> lockDeleted(int max) {
        return getSession()
                .chain(session -> SkipLocked.select(
                                session,
                                "from Project p where p.deleted is not null order by p.deleted",
                                Project.class,
                                max)
                        .getResultList());
    }

    /** When a workflow goes, a project that ran it by default runs none. */
    public Uni<Integer> clearDefaultWorkflow(String projectId, String workflowId) {
        return update("defaultWorkflowId = null where id = ?1 and defaultWorkflowId = ?2", projectId, workflowId);
    }

    /** Whether the project has this workflow (asked here, so that projects need not know the workflow package). */
    public Uni<Boolean> hasWorkflow(String projectId, String workflowId) {
        return getSession()
                .chain(session -> session.createNativeQuery(
                                "select count(*) from workflows where id = :id and project_id = :project", Long.class)
                        .setParameter("id", workflowId)
                        .setParameter("project", projectId)
                        .getSingleResult())
                .map(count -> count > 0);
    }
}
