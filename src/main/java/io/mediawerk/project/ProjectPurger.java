package io.mediawerk.project;

import io.mediawerk.reactive.InTurn;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;

/**
 * Removes the data of deleted projects in the background. Each feature that stores project data contributes a
 * {@link ProjectDataPurger}; rows locked with SKIP LOCKED keep several instances from purging the same project.
 */
@ApplicationScoped
public class ProjectPurger {

    private static final int BATCH = 10;

    private final ProjectRepository projects;
    private final Instance<ProjectDataPurger> purgers;

    public ProjectPurger(ProjectRepository projects, Instance<ProjectDataPurger> purgers) {
        this.projects = projects;
        this.purgers = purgers;
    }

    @Scheduled(
            every = "${mediawerk.purge.every}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purgeOnSchedule() {
        return purgeDeleted()
                .onFailure()
                .invoke(e -> Log.warnf("Purging deleted projects failed: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Purges up to one batch of deleted projects; returns how many. */
    @WithTransaction
    public Uni<Integer> purgeDeleted() {
        return projects.lockDeleted(BATCH).chain(this::purgeAll);
    }

    private Uni<Integer> purgeAll(List<Project> deleted) {
        return InTurn.each(deleted, this::purge).replaceWith(deleted.size());
    }

    private Uni<Void> purge(Project project) {
        return InTurn.each(purgers, purger -> purger.purge(project.id))
                .chain(() -> projects.delete(project))
                .invoke(() -> Log.infof("Purged deleted project %s", project.id));
    }
}
