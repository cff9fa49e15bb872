package io.mediawerk.transform.worker;

import io.mediawerk.config.TransformSettings;
import io.mediawerk.source.Source;
import io.mediawerk.storage.Storage;
import io.mediawerk.storage.StorageFiles;
import io.mediawerk.task.Task;
import io.mediawerk.task.TaskOutputs;
import io.mediawerk.task.worker.RunControl;
import io.mediawerk.task.worker.TaskFailure;
import io.mediawerk.task.worker.TaskLost;
import io.mediawerk.task.worker.TaskRunner;
import io.mediawerk.task.worker.TransientFailure;
import io.mediawerk.task.worker.WorkFolders;
import io.mediawerk.transform.TransformInputs;
import io.mediawerk.transform.chunk.ChunkLedger;
import io.mediawerk.transform.chunk.LadderChunk;
import io.mediawerk.transform.plan.HlsChunks;
import io.mediawerk.transform.plan.HlsPlan;
import io.mediawerk.transform.plan.Planner;
import io.mediawerk.transform.plan.TransformSpec;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ScheduledFuture;
import java.util.function.DoubleConsumer;

/**
 * Encodes chunks of long HLS ladders, on whichever worker takes them: a chunk's message on the transform topic, or
 * the ladder's own task taking what no other worker has. A heartbeat renews the chunk's lease and stops the run when
 * the ladder's attempt no longer runs; the chunk's files go to S3 under the ladder's attempt, where its join finds
 * them. A chunk that fails fails its ladder with ffmpeg's reason; one whose worker stops goes back to waiting.
 */
@ApplicationScoped
public class ChunkRunner {

    private static final int MAX_RUNS = 3;

    private final ChunkLedger ledger;
    private final Storage storage;
    private final StorageFiles files;
    private final WorkFolders folders;
    private final TaskRunner tasks;
    private final Duration timeout;

    public ChunkRunner(
            ChunkLedger ledger,
            Storage storage,
            StorageFiles files,
            WorkFolders folders,
            TaskRunner tasks,
            TransformSettings transformSettings) {
        this.ledger = ledger;
        this.storage = storage;
        this.files = files;
        this.folders = folders;
        this.tasks = tasks;
        this.timeout = transformSettings.timeout();
    }

    /** Where a chunk's file for a rung is stored. */
    static String key(Task task, int taskAttempt, int position, HlsPlan.Rung rung) {
        return TaskOutputs.attemptPrefix(task, taskAttempt) + "chunks/" + position + "/" + HlsChunks.chunkFile(rung);
    }

    /** Runs the chunk a message names, if it is still to do. */
    void runMessage(String chunkId) {
        ChunkLedger.ClaimedChunk claimed = TaskRunner.await(() -> ledger.claim(chunkId, tasks.owner()));
        if (claimed != null) {
            run(claimed.chunk(), claimed.task(), claimed.input(), tasks.owner(), progress -> {});
        }
    }

    /**
     * Encodes a claimed chunk and records the outcome; never throws for the chunk's own failures.
     *
     * @param progress told the chunk's progress as it runs
     * @throws CancellationException when this worker is stopping (the chunk is given back first)
     */
    void run(LadderChunk chunk, Task task, Source input, String owner, DoubleConsumer progress) {
        RunControl control = new RunControl();
        ScheduledFuture<?> heartbeat = tasks.everyHeartbeat(() -> beat(chunk.id, owner, control, progress));
        long started = System.nanoTime();
        try {
            encode(chunk, task, input, control);
            heartbeat.cancel(false);
            boolean counted = TaskRunner.await(() -> ledger.completed(chunk.id, owner));
            Log.debugf(
                    "Chunk %d of transform %s encoded in %d ms%s",
                    chunk.position,
                    task.id,
                    (System.nanoTime() - started) / 1_000_000,
                    counted ? "" : " (another run counted)");
        } catch (TaskLost e) {
            Log.infof("Chunk %d of transform %s stopped: its transform no longer runs here", chunk.position, task.id);
        } catch (TaskFailure e) {
            TaskRunner.await(() -> ledger.release(chunk.id, owner, e.getMessage()));
        } catch (TransientFailure e) {
            String failure = chunk.attempts >= MAX_RUNS ? "Reading the input failed " + MAX_RUNS + " times." : null;
            TaskRunner.await(() -> ledger.release(chunk.id, owner, failure));
        } catch (CancellationException e) {
            Thread.interrupted(); // so that the chunk can still be given back
            TaskRunner.await(() -> ledger.release(chunk.id, owner, null));
            Thread.currentThread().interrupt();
            throw e;
        } catch (RuntimeException e) {
            Log.errorf(e, "Chunk %d of transform %s failed", chunk.position, task.id);
            TaskRunner.await(
                    () -> ledger.release(chunk.id, owner, "The transform failed because of an error on our side."));
        } finally {
            heartbeat.cancel(false);
        }
    }

    private void encode(LadderChunk chunk, Task task, Source input, RunControl control) {
        Path dir = folders.ofPart(chunk.id + "-" + chunk.attempts);
        try {
            Files.createDirectories(dir);
            LadderChunk.Plan plan = chunk.plan();
            String location = storage.presignGet(input.storageKey, timeout.plusMinutes(10));
            FfmpegSteps steps = new FfmpegSteps(task.id, location, control, timeout);
            steps.run(HlsPlan.chunk(
                    new TransformSpec(task.kind, task.options),
                    TransformInputs.facts(input),
                    location,
                    dir,
                    Planner.DEFAULT_THREADS,
                    plan.rungs(),
                    plan.span()));
            control.checkOwned();
            List<StorageFiles.FileToStore> made = new ArrayList<>();
            for (HlsPlan.Rung rung : plan.rungs()) {
                made.add(new StorageFiles.FileToStore(
                        dir.resolve(HlsChunks.chunkFile(rung)),
                        key(task, chunk.taskAttempt, chunk.position, rung),
                        "video/mp2t"));
            }
            files.storeAll(made);
        } catch (IOException e) {
            throw new UncheckedIOException("Work folder " + dir + " is not usable", e);
        } finally {
            WorkFolders.delete(dir);
        }
    }

    private void beat(String chunkId, String owner, RunControl control, DoubleConsumer progress) {
        progress.accept(control.progress());
        try {
            if (!TaskRunner.await(() -> ledger.heartbeat(chunkId, owner, control.progress()))) {
                control.lose();
            }
        } catch (RuntimeException e) {
            Log.debugf("Heartbeat of chunk %s failed: %s", chunkId, e.toString());
        }
    }
}
