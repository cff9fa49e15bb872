package io.mediawerk.workflow.run;

import io.mediawerk.media.Media;
import io.mediawerk.media.MediaArrivals;
import io.mediawerk.project.ProjectRepository;
import io.mediawerk.source.Source;
import io.mediawerk.workflow.Workflow;
import io.mediawerk.workflow.WorkflowRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs a workflow on each new media when it becomes ready: the one its upload named, otherwise the project's
 * default. A paused or deleted workflow does not run.
 */
@ApplicationScoped
public class RunTriggers implements MediaArrivals {

    private final WorkflowRepository workflows;
    private final ProjectRepository projects;
    private final RunEngine engine;

    public RunTriggers(WorkflowRepository workflows, ProjectRepository projects, RunEngine engine) {
        this.workflows = workflows;
        this.projects = projects;
        this.engine = engine;
    }

    @Override
    public Uni<Void> ready(Media media, Source original) {
        if (media.workflowId != null) {
            return workflows
                    .findInProject(media.projectId, media.workflowId)
                    .chain(workflow -> run(workflow, media, original, WorkflowRun.TRIGGER_NAMED));
        }
        return projects.findById(media.projectId)
                .chain(project -> project == null || project.defaultWorkflowId == null
                        ? Uni.createFrom().voidItem()
                        : workflows
                                .findInProject(media.projectId, project.defaultWorkflowId)
                                .chain(workflow -> run(workflow, media, original, WorkflowRun.TRIGGER_DEFAULT)));
    }

    private Uni<Void> run(Workflow workflow, Media media, Source original, String trigger) {
        if (workflow == null) {
            Log.infof("Media %s is ready; its workflow %s no longer exists, so none runs", media.id, media.workflowId);
            return Uni.createFrom().voidItem();
        }
        if (!workflow.isActive()) {
            Log.debugf("Media %s is ready; workflow %s is paused", media.id, workflow.id);
            return Uni.createFrom().voidItem();
        }
        return engine.start(workflow, media, original, trigger).replaceWithVoid();
    }
}
