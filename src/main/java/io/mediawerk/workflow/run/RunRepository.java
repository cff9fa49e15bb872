package io.mediawerk.workflow.run;

import io.mediawerk.api.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class RunRepository implements PanacheRepositoryBase<WorkflowRun, String> {

    /** The run, locked until the transaction ends: its steps move on one task at a time. */
    public Uni<WorkflowRun> lock(String id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<WorkflowRun> findOf(String projectId, String workflowId, String id) {
        return find("id = ?1 and projectId = ?2 and workflowId = ?3", id, projectId, workflowId)
                .firstResult();
    }

    public Uni<List<WorkflowRun>> list(
            String projectId, String workflowId, String mediaId, String status, PageRequest page) {
        Sort.Direction direction = page.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending;
        return find(
                        where(mediaId, status),
                        Sort.by(page.sort(), direction).and("id", direction),
                        parameters(projectId, workflowId, mediaId, status))
                .range(page.offset(), page.offset() + page.limit() - 1)
                .list();
    }

    public Uni<Long> count(String projectId, String workflowId, String mediaId, String status) {
        return count(where(mediaId, status), parameters(projectId, workflowId, mediaId, status));
    }

    /** Running runs nothing has moved for since {@code before}, locked, skipping those another instance holds. */
    public Uni<List<WorkflowRun>> lockIdle(Instant before, int max) {
        return getSession()
                .chain(session -> session.createNativeQuery("""
                select * from workflow_runs where status = 'running' and updated < :before order by updated
                limit :max for update skip locked""", WorkflowRun.class)
                        .setParameter("before", before)
                        .setParameter("max", max)
                        .getResultList());
    }

    private static String where(String mediaId, String status) {
        return "projectId = :project and workflowId = :workflow" + (mediaId == null ? "" : " and mediaId = :media")
                + (status == null ? "" : " and status = :status");
    }

    private static Map<String, Object> parameters(String projectId, String workflowId, String mediaId, String status) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("project", projectId);
        parameters.put("workflow", workflowId);
        if (mediaId != null) {
            parameters.put("media", mediaId);
        }
        if (status != null) {
            parameters.put("status", status);
        }
        return parameters;
    }
}
