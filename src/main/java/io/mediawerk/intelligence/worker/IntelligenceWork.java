package io.mediawerk.intelligence.worker;

import io.mediawerk.task.worker.ClaimedTask;
import io.mediawerk.task.worker.FamilyTaskWork;
import io.mediawerk.task.worker.RunControl;
import io.mediawerk.task.worker.TaskLedger;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Intelligence tasks as the task runner runs them: run by {@link IntelligenceExecution}, completed by the ledger. */
@Singleton
public class IntelligenceWork extends FamilyTaskWork<Analysis> {

    private final IntelligenceLedger ledger;
    private final IntelligenceExecution execution;

    public IntelligenceWork(TaskLedger tasks, IntelligenceLedger ledger, IntelligenceExecution execution) {
        super(tasks, IntelligenceLedger.FAMILY);
        this.ledger = ledger;
        this.execution = execution;
    }

    @Override
    public Analysis run(ClaimedTask claimed, RunControl control) {
        return execution.run(claimed, control);
    }

    @Override
    public Uni<Boolean> complete(ClaimedTask claimed, Analysis analysis, Duration elapsed) {
        return ledger.complete(claimed, analysis, elapsed);
    }
}
