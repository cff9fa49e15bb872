package io.mediawerk.transform.worker;

import io.mediawerk.source.Source;
import io.mediawerk.task.worker.ClaimedTask;
import io.mediawerk.task.worker.FamilyTaskWork;
import io.mediawerk.task.worker.RunControl;
import io.mediawerk.task.worker.TaskLedger;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Transforms as the task runner runs them: run by {@link TransformExecution}, completed by {@link TransformLedger}. */
@Singleton
public class TransformWork extends FamilyTaskWork<Source> {

    private final TransformLedger ledger;
    private final TransformExecution execution;

    public TransformWork(TaskLedger tasks, TransformLedger ledger, TransformExecution execution) {
        super(tasks, TransformLedger.FAMILY);
        this.ledger = ledger;
        this.execution = execution;
    }

    @Override
    public Source run(ClaimedTask claimed, RunControl control) {
        return execution.run(claimed, control);
    }

    @Override
    public Uni<Boolean> complete(ClaimedTask claimed, Source output, Duration elapsed) {
        return ledger.complete(claimed, output, elapsed);
    }
}
