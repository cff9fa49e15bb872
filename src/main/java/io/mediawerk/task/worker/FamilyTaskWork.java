package io.mediawerk.task.worker;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Duration;

/**
 * A task family's work: the steps every family shares are done by {@link TaskLedger}, each in its own transaction;
 * a family gives only how a task runs and how its result is recorded. A new family is one of these and a consumer.
 */
public final class FamilyTaskWork<R> implements TaskWork<R> {

    /** Runs a claimed task on the worker thread (see {@link TaskWork#run}). */
    @FunctionalInterface
    public interface Execution<R> {
        R run(ClaimedTask claimed, RunControl control);
    }

    /** Records a successful run's result (see {@link TaskWork#complete}). */
    @FunctionalInterface
    public interface Completion<R> {
        Uni<Boolean> complete(ClaimedTask claimed, R result, Duration elapsed);
    }

    private final TaskLedger ledger;
    private final TaskLedger.Family family;
    private final Execution<R> execution;
    private final Completion<R> completion;

    public FamilyTaskWork(
            TaskLedger ledger, TaskLedger.Family family, Execution<R> execution, Completion<R> completion) {
        this.ledger = ledger;
        this.family = family;
        this.execution = execution;
        this.completion = completion;
    }

    @Override
    public R run(ClaimedTask claimed, RunControl control) {
        return execution.run(claimed, control);
    }

    @Override
    public Uni<Boolean> complete(ClaimedTask claimed, R result, Duration elapsed) {
        return completion.complete(claimed, result, elapsed);
    }

    @Override
    public String noun() {
        return family.noun();
    }

    @Override
    public Uni<ClaimedTask> claim(String taskId, String owner) {
        return Panache.withTransaction(() -> ledger.claim(family, taskId, owner));
    }

    @Override
    public Uni<Void> fail(ClaimedTask claimed, String code, String message, Duration elapsed) {
        return Panache.withTransaction(() -> ledger.fail(family, claimed, code, message, elapsed));
    }

    @Override
    public Uni<Void> handBack(ClaimedTask claimed) {
        return Panache.withTransaction(() -> ledger.handBack(family, claimed));
    }

    @Override
    public Uni<Void> abandon(ClaimedTask claimed) {
        return Panache.withTransaction(() -> ledger.discardAttempt(claimed));
    }
}
