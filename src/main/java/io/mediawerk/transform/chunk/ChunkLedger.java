package io.mediawerk.transform.chunk;

import io.mediawerk.api.Times;
import io.mediawerk.config.TransformSettings;
import io.mediawerk.reactive.InTurn;
import io.mediawerk.source.Source;
import io.mediawerk.source.SourceRepository;
import io.mediawerk.task.Task;
import io.mediawerk.task.TaskQueue;
import io.mediawerk.task.TaskRepository;
import io.mediawerk.task.worker.ClaimedTask;
import io.mediawerk.task.worker.TaskLedger;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.util.List;

/**
 * The database side of a chunked ladder, each step its own transaction. A chunk is claimed with a lease like a task;
 * every claim, renewal and completion also checks that the attempt of the task that planned it still runs, so a
 * cancelled or taken-over ladder stops its chunks everywhere and a late run of a chunk never counts.
 */
@ApplicationScoped
public class ChunkLedger implements PanacheRepositoryBase<LadderChunk, String> {

    /** A chunk this worker now encodes, with its task and the task's input. */
    public record ClaimedChunk(LadderChunk chunk, Task task, Source input) {}

    private final TaskLedger tasks;
    private final TaskRepository taskRows;
    private final SourceRepository sources;
    private final TaskQueue queue;
    private final Duration lease;

    public ChunkLedger(
            TaskLedger tasks,
            TaskRepository taskRows,
            SourceRepository sources,
            TaskQueue queue,
            TransformSettings transformSettings) {
        this.tasks = tasks;
        this.taskRows = taskRows;
        this.sources = sources;
        this.queue = queue;
        this.lease = transformSettings.lease();
    }

    /**
     * Stores an attempt's chunks (forgetting an earlier attempt's) and queues each for any worker; false if the task
     * is no longer this worker's.
     */
    public Uni<Boolean> plan(ClaimedTask claimed, List<LadderChunk> chunks) {
        return Panache.withTransaction(() -> tasks.owned(claimed)
                .chain(task -> task == null
                        ? Uni.createFrom().item(false)
                        : delete("taskId", task.id)
                                .chain(() -> persist(chunks))
                                .chain(() -> InTurn.each(chunks, chunk -> queue.offerPart(task, chunk.id)))
                                .replaceWith(true)));
    }

    /**
     * The next chunk of this attempt no worker holds (never taken, or its worker stopped), claimed; null when there is
     * none or the attempt no longer runs.
     */
    public Uni<LadderChunk> claimNext(String taskId, int taskAttempt, String owner) {
        return Panache.withTransaction(() -> getSession()
                .chain(session -> session.createNativeQuery("""
                        select * from ladder_chunks where task_id = :task and task_attempt = :attempt
                        and (status = 'pending' or (status = 'processing' and lease_until < :now))
                        and exists (select 1 from tasks t where t.id = :task and t.status = 'processing'
                                    and t.attempts = :attempt)
                        order by position limit 1 for update skip locked""", LadderChunk.class)
                        .setParameter("task", taskId)
                        .setParameter("attempt", taskAttempt)
                        .setParameter("now", Times.now())
                        .getResultList())
                .map(found -> found.isEmpty() ? null : start(found.get(0), owner)));
    }

    /** The chunk a message names, if it is still to do and its task's attempt still runs; else null. */
    public Uni<ClaimedChunk> claim(String chunkId, String owner) {
        return Panache.withTransaction(() -> findById(chunkId, LockModeType.PESSIMISTIC_WRITE)
                .chain(chunk -> chunk == null || !isFree(chunk)
                        ? Uni.createFrom().nullItem()
                        : taskRows.findById(chunk.taskId)
                                .chain(task -> task == null
                                                || !Task.PROCESSING.equals(task.status)
                                                || task.attempts != chunk.taskAttempt
                                        ? Uni.createFrom().nullItem()
                                        : sources.findById(task.inputSourceId)
                                                .map(input -> input == null
                                                        ? null
                                                        : new ClaimedChunk(start(chunk, owner), task, input)))));
    }

    /** Stores progress and renews the lease; false when the chunk or its task's attempt is no longer running. */
    public Uni<Boolean> heartbeat(String chunkId, String owner, double progress) {
        return Panache.withTransaction(() -> getSession()
                .chain(session -> session.createNativeQuery("""
                        update ladder_chunks c set progress = :progress, lease_until = :until, updated = :now
                        from tasks t
                        where c.id = :id and c.status = 'processing' and c.lease_owner = :owner
                        and t.id = c.task_id and t.status = 'processing' and t.attempts = c.task_attempt""")
                        .setParameter("progress", progress)
                        .setParameter("until", Times.now().plus(lease))
                        .setParameter("now", Times.now())
                        .setParameter("id", chunkId)
                        .setParameter("owner", owner)
                        .executeUpdate())
                .map(updated -> updated > 0));
    }

    /** Records a chunk as encoded (its files stored); false if its lease was lost, so that another run counts. */
    public Uni<Boolean> completed(String chunkId, String owner) {
        return Panache.withTransaction(() -> held(chunkId, owner).map(chunk -> {
            if (chunk == null) {
                return false;
            }
            chunk.status = LadderChunk.COMPLETED;
            chunk.progress = 1;
            chunk.encodedBy = owner;
            chunk.leaseOwner = null;
            chunk.leaseUntil = null;
            chunk.updated = Times.now();
            return true;
        }));
    }

    /** Lets go of a chunk: back to waiting for any worker, or failed with the reason the ladder fails with. */
    public Uni<Void> release(String chunkId, String owner, String failure) {
        return Panache.withTransaction(() -> held(chunkId, owner).invoke(chunk -> {
                    if (chunk != null) {
                        chunk.status = failure == null ? LadderChunk.PENDING : LadderChunk.FAILED;
                        chunk.error = failure;
                        chunk.leaseOwner = null;
                        chunk.leaseUntil = null;
                        chunk.updated = Times.now();
                    }
                }))
                .replaceWithVoid();
    }

    /** An attempt's chunks in order, as they stand. */
    public Uni<List<LadderChunk>> of(String taskId, int taskAttempt) {
        return Panache.withSession(
                () -> list("taskId = ?1 and taskAttempt = ?2 order by position", taskId, taskAttempt));
    }

    private Uni<LadderChunk> held(String chunkId, String owner) {
        return findById(chunkId, LockModeType.PESSIMISTIC_WRITE)
                .map(chunk ->
                        chunk != null && LadderChunk.PROCESSING.equals(chunk.status) && owner.equals(chunk.leaseOwner)
                                ? chunk
                                : null);
    }

    private static boolean isFree(LadderChunk chunk) {
        return LadderChunk.PENDING.equals(chunk.status)
                || (LadderChunk.PROCESSING.equals(chunk.status)
                        && chunk.leaseUntil != null
                        && chunk.leaseUntil.isBefore(Times.now()));
    }

    private LadderChunk start(LadderChunk chunk, String owner) {
        chunk.status = LadderChunk.PROCESSING;
        chunk.attempts++;
        chunk.leaseOwner = owner;
        chunk.leaseUntil = Times.now().plus(lease);
        chunk.progress = 0;
        chunk.updated = Times.now();
        return chunk;
    }
}
