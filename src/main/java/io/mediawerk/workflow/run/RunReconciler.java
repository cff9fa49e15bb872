package io.mediawerk.workflow.run;

import io.mediawerk.api.Times;
import io.mediawerk.reactive.InTurn;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Runs move when their tasks end, in the same transaction; this is the safety net for a task that ended some
 * other way (cancelled through the API, its media deleted): every so often the runs nothing has moved for a while
 * are brought up to date with their tasks.
 */
@ApplicationScoped
public class RunReconciler {

    private static final int BATCH = 50;
    private static final Duration IDLE = Duration.ofSeconds(30);

    private final RunRepository runs;
    private final RunEngine engine;

    public RunReconciler(RunRepository runs, RunEngine engine) {
        this.runs = runs;
        this.engine = engine;
    }

    @Scheduled(
            every = "30s",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> onSchedule() {
        return reconcile()
                .onFailure()
                .invoke(e -> Log.warnf("Bringing workflow runs up to date failed: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    @WithTransaction
    public Uni<Integer> reconcile() {
        return runs.lockIdle(Times.now().minus(IDLE), BATCH)
                .chain(idle -> InTurn.each(idle, engine::settle).replaceWith(idle.size()));
    }
}
