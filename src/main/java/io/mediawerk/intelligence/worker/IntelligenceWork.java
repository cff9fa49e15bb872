package io.mediawerk.intelligence.worker;

import io.mediawerk.task.worker.ClaimedTask;
import io.mediawerk.task.worker.RunControl;
import io.mediawerk.task.worker.TaskWork;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Intelligence tasks as the task runner runs them. */
@ApplicationScoped
public class IntelligenceWork implements TaskWork<Analysis> {

    private final IntelligenceLedger ledger;
    private final IntelligenceExecution execution;

    public IntelligenceWork(IntelligenceLedger ledger, IntelligenceExecution execution) {
        this.ledger = ledger;
        this.execution = execution;
    }

    @Override
    public String noun() {
        return "Intelligence task";
    }

    @Override
    public Uni<ClaimedTask> claim(String taskId, String owner) {
        return ledger.claim(taskId, owner);
    }

    @Override
    public Analysis run(ClaimedTask claimed, RunControl control) {
        return execution.run(claimed, control);
    }

    @Override
    public Uni<Boolean> complete(ClaimedTask claimed, Analysis analysis, Duration elapsed) {
        return ledger.complete(claimed, analysis, elapsed);
    }

    @Override
    public Uni<Void> fail(ClaimedTask claimed, String code, String message, Duration elapsed) {
        return ledger.fail(claimed, code, message, elapsed);
    }

    @Override
    public Uni<Void> handBack(ClaimedTask claimed) {
        return ledger.handBack(claimed);
    }

    @Override
    public Uni<Void> abandon(ClaimedTask claimed) {
        return ledger.abandon(claimed);
    }
}
