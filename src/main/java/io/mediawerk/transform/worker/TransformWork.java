package io.mediawerk.transform.worker;

import io.mediawerk.source.Source;
import io.mediawerk.task.worker.ClaimedTask;
import io.mediawerk.task.worker.RunControl;
import io.mediawerk.task.worker.TaskWork;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Transforms as the task runner runs them: recorded by {@link TransformLedger}, run by {@link TransformExecution}. */
@ApplicationScoped
public class TransformWork implements TaskWork<Source> {

    private final TransformLedger ledger;
    private final TransformExecution execution;

    public TransformWork(TransformLedger ledger, TransformExecution execution) {
        this.ledger = ledger;
        this.execution = execution;
    }

    @Override
    public String noun() {
        return "Transform";
    }

    @Override
    public Uni<ClaimedTask> claim(String taskId, String owner) {
        return ledger.claim(taskId, owner);
    }

    @Override
    public Source run(ClaimedTask claimed, RunControl control) {
        return execution.run(claimed, control);
    }

    @Override
    public Uni<Boolean> complete(ClaimedTask claimed, Source output, Duration elapsed) {
        return ledger.complete(claimed, output, elapsed);
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
