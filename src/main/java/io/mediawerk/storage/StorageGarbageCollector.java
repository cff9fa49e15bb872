package io.mediawerk.storage;

import io.mediawerk.api.Times;
import io.mediawerk.reactive.InTurn;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Removes from S3 what the database let go of. Deletions are queued in the transaction that made the file
 * unreachable, so a crash or an S3 outage only delays them; a failed attempt is retried on the next sweep.
 */
@ApplicationScoped
public class StorageGarbageCollector {

    private static final int BATCH = 50;

    private final StorageGarbageRepository garbage;
    private final Storage storage;

    public StorageGarbageCollector(StorageGarbageRepository garbage, Storage storage) {
        this.garbage = garbage;
        this.storage = storage;
    }

    /** Queues a key for deletion; must run inside the transaction that stops referring to it. */
    public Uni<Void> discard(String key) {
        return garbage.add(key, null, Times.now());
    }

    /** Queues several keys for deletion, like {@link #discard(String)}. */
    public Uni<Void> discardAll(List<String> keys) {
        return InTurn.each(keys, this::discard);
    }

    /**
     * Queues every object under a key prefix (ending in '/') for deletion: the files of an unfinished task, whose
     * names the database never learnt.
     */
    public Uni<Void> discardPrefix(String prefix) {
        if (!prefix.endsWith("/")) {
            throw new IllegalArgumentException("A prefix to discard must end with '/': " + prefix);
        }
        return garbage.add(prefix, null, Times.now());
    }

    /** Queues an unfinished multipart upload to be aborted (its parts cost storage until then). */
    public Uni<Void> discardMultipart(String key, String multipartId) {
        return garbage.add(key, multipartId, Times.now());
    }

    @Scheduled(
            every = "${mediawerk.storage.sweep-every}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweepOnSchedule() {
        return sweep().onFailure()
                .invoke(e -> Log.warnf("Removing discarded files from S3 failed: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes one batch; returns how many objects are gone. */
    @WithTransaction
    public Uni<Integer> sweep() {
        return garbage.lockBatch(BATCH).chain(this::removeAll);
    }

    private Uni<Integer> removeAll(List<StorageGarbage> batch) {
        return InTurn.map(batch, this::remove).map(results ->
                (int) results.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> remove(StorageGarbage item) {
        Uni<Void> removal = item.key.endsWith("/")
                ? storage.deletePrefix(item.key)
                : item.multipartId == null
                        ? storage.delete(item.key)
                        : storage.abortMultipart(item.key, item.multipartId).chain(() -> storage.delete(item.key));
        return removal.chain(() -> garbage.delete(item).replaceWith(true))
                .onFailure()
                .recoverWithUni(e -> {
                    item.attempts++;
                    Log.warnf("Could not remove %s from S3 (attempt %d): %s", item.key, item.attempts, e.toString());
                    return Uni.createFrom().item(false);
                });
    }
}
