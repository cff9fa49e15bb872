package io.mediawerk.task.worker;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Duration;

/**
 * A task family's work with the steps every family shares done by {@link TaskLedger}, each in its own transaction:
 * a family adds how a task runs and how its result is recorded.
 */
public abstract class FamilyTaskWork<R> implements TaskWork<R> {

    private final TaskLedger ledger;
    private final TaskLedger.Family family;

    protected FamilyTaskWork(TaskLedger ledger, TaskLedger.Family family) {
        this.ledger = ledger;
        this.family = family;
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
