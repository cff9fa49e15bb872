package io.mediawerk.workflow.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiException;
import io.mediawerk.api.Fields;
import io.mediawerk.api.Ids;
import io.mediawerk.api.JsonFields;
import io.mediawerk.api.Page;
import io.mediawerk.api.PageRequest;
import io.mediawerk.media.MediaRepository;
import io.mediawerk.source.SourceRepository;
import io.mediawerk.workflow.WorkflowService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Runs at the API: start one on a media, list and read them (also those of a workflow deleted since). */
@ApplicationScoped
public class RunService {

    private static final Set<String> STATUSES =
            Set.of(WorkflowRun.RUNNING, WorkflowRun.COMPLETED, WorkflowRun.FAILED, WorkflowRun.CANCELLED);

    private final RunRepository runs;
    private final WorkflowService workflows;
    private final MediaRepository media;
    private final SourceRepository sources;
    private final RunEngine engine;

    public RunService(
            RunRepository runs,
            WorkflowService workflows,
            MediaRepository media,
            SourceRepository sources,
            RunEngine engine) {
        this.runs = runs;
        this.workflows = workflows;
        this.media = media;
        this.sources = sources;
        this.engine = engine;
    }

    @WithTransaction
    public Uni<RunView> create(String projectId, String workflowId, ObjectNode body) {
        String mediaId = JsonFields.of(body, Set.of("media_id")).text("media_id", 40);
        if (mediaId == null) {
            throw ApiException.invalid("media_id", "Field 'media_id' is required: the media to run the workflow on.");
        }
        return workflows
                .find(projectId, workflowId)
                .chain(workflow -> {
                    if (!workflow.isActive()) {
                        throw ApiException.conflict(
                                "workflow_paused",
                                "Workflow " + workflow.id + " is paused; set its " + "status to active to run it.");
                    }
                    return media.findReady(projectId, mediaId, "a workflow can run on it once it is ready")
                            .chain(found -> sources.findOriginal(found.id)
                                    .chain(original ->
                                            engine.start(workflow, found, original, WorkflowRun.TRIGGER_MANUAL)));
                })
                .map(RunView::of);
    }

    @WithSession
    public Uni<Page<RunView>> list(
            String projectId, String workflowId, String mediaId, String status, PageRequest page) {
        Fields.requireId(workflowId, "wfl", "workflow");
        if (mediaId != null && !Ids.looksLike(mediaId, "med")) {
            throw ApiException.invalid("media_id", "media_id must be a media id such as med_598j8Q37dsM3zzRe.");
        }
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.invalid("status", "status must be one of running, completed, failed, cancelled.");
        }
        return runs.count(projectId, workflowId, mediaId, status)
                .chain(total -> runs.list(projectId, workflowId, mediaId, status, page)
                        .map(list -> new Page<>(list.stream().map(RunView::of).toList(), total, page)));
    }

    @WithSession
    public Uni<RunView> get(String projectId, String workflowId, String id) {
        Fields.requireId(workflowId, "wfl", "workflow");
        Fields.requireId(id, "run", "workflow run");
        return runs.findOf(projectId, workflowId, id)
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.notFound("workflow run", id))
                .map(RunView::of);
    }
}
