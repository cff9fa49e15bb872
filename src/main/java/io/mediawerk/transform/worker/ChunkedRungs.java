package io.mediawerk.transform.worker;

import io.mediawerk.config.TransformSettings;
import io.mediawerk.storage.StorageFiles;
import io.mediawerk.storage.StorageGarbageCollector;
import io.mediawerk.task.Task;
import io.mediawerk.task.TaskOutputs;
import io.mediawerk.task.worker.ClaimedTask;
import io.mediawerk.task.worker.RunControl;
import io.mediawerk.task.worker.TaskFailure;
import io.mediawerk.task.worker.TaskLost;
import io.mediawerk.task.worker.TaskRunner;
import io.mediawerk.task.worker.TransientFailure;
import io.mediawerk.transform.chunk.ChunkLedger;
import io.mediawerk.transform.chunk.LadderChunk;
import io.mediawerk.transform.plan.HlsChunks;
import io.mediawerk.transform.plan.HlsPlan;
import io.mediawerk.transform.plan.InputFacts;
import io.mediawerk.transform.plan.TransformSpec;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/**
 * The encoded rungs of a long ladder, made in chunks by any number of workers: the ladder's task plans the chunks and
 * queues them on the transform topic, encodes the audio once, then takes chunks no other worker has taken (all of
 * them when it is alone) until every chunk is encoded, and joins each rung from its chunks without re-encoding.
 */
@ApplicationScoped
public class ChunkedRungs {

    private static final Duration POLL = Duration.ofMillis(200);

    private final ChunkLedger ledger;
    private final ChunkRunner chunks;
    private final StorageFiles files;
    private final StorageGarbageCollector garbage;
    private final double chunkSeconds;

    public ChunkedRungs(
            ChunkLedger ledger,
            ChunkRunner chunks,
            StorageFiles files,
            StorageGarbageCollector garbage,
            TransformSettings transformSettings) {
        this.ledger = ledger;
        this.chunks = chunks;
        this.files = files;
        this.garbage = garbage;
        this.chunkSeconds = transformSettings.chunkLength().toMillis() / 1000.0;
    }

    /** Told of each rung once its folder is complete in the output. */
    @FunctionalInterface
    interface Joined {
        void rung(HlsPlan.Rung rung) throws IOException;
    }

    boolean applies(TransformSpec spec, InputFacts facts, List<HlsPlan.Rung> rungs) {
        return !rungs.isEmpty() && HlsChunks.applies(spec, facts, chunkSeconds);
    }

    /**
     * Makes the rungs' folders in {@code out}, as {@link HlsPlan#rest} would, one after the other.
     *
     * @param cuts the copied rendition's cut times, or null when there is none
     */
    void make(
            ClaimedTask claimed,
            RunControl control,
            FfmpegSteps steps,
            InputFacts facts,
            String input,
            Path out,
            List<HlsPlan.Rung> rungs,
            List<Double> cuts,
            Joined joined)
            throws IOException {
        Task task = claimed.task();
        double duration = facts.duration();
        List<HlsChunks.Span> spans = HlsChunks.split(HlsChunks.cuts(cuts, duration), duration, chunkSeconds);
        List<LadderChunk> planned = spans.stream()
                .map(span -> LadderChunk.planned(task.id, claimed.attempt(), span, rungs))
                .toList();
        if (!TaskRunner.await(() -> ledger.plan(claimed, planned))) {
            throw new TaskLost();
        }
        Log.debugf("Transform %s: %d chunks queued", task.id, spans.size());
        Path audio = null;
        if (HlsChunks.carriesAudio(new TransformSpec(task.kind, task.options), facts)) {
            steps.run(HlsChunks.audio(facts, input, out));
            audio = out.resolve(HlsChunks.AUDIO_FILE);
        }
        Progress progress = new Progress(control.progress(), spans.size());
        control.follow(progress::value);
        encodeAll(claimed, control, progress);
        Path downloaded = Files.createDirectories(out.resolve("chunks"));
        for (HlsPlan.Rung rung : rungs) {
            List<Path> parts = new ArrayList<>();
            for (HlsChunks.Span span : spans) {
                Path part = Files.createDirectories(downloaded.resolve(Integer.toString(span.position())))
                        .resolve(HlsChunks.chunkFile(rung));
                download(ChunkRunner.key(task, claimed.attempt(), span.position(), rung), part);
                parts.add(part);
            }
            Files.createDirectories(out.resolve(rung.folder()));
            steps.run(HlsChunks.join(rung, parts, audio, out, duration));
            joined.rung(rung);
        }
        String chunkFiles = TaskOutputs.attemptPrefix(task, claimed.attempt()) + "chunks/";
        TaskRunner.await(() -> Panache.withTransaction(() -> garbage.discardPrefix(chunkFiles)));
    }

    /** Takes chunks until none is left to take, then waits for those other workers run. */
    private void encodeAll(ClaimedTask claimed, RunControl control, Progress progress) {
        String taskId = claimed.task().id;
        while (true) {
            // cancelled or taken over: the heartbeat has said so
            control.checkOwned();
            List<LadderChunk> states = TaskRunner.await(() -> ledger.of(taskId, claimed.attempt()));
            double done = 0;
            for (LadderChunk chunk : states) {
                if (LadderChunk.FAILED.equals(chunk.status)) {
                    throw new TaskFailure("transform_failed", chunk.error);
                }
                done += chunk.progress;
            }
            progress.settled(done);
            if (states.stream().allMatch(chunk -> LadderChunk.COMPLETED.equals(chunk.status))) {
                return;
            }
            LadderChunk next = TaskRunner.await(() -> ledger.claimNext(taskId, claimed.attempt(), claimed.owner()));
            if (next != null) {
                chunks.run(next, claimed.task(), claimed.input(), claimed.owner(), progress::running);
                continue;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Stopping");
            }
        }
    }

    private void download(String key, Path target) {
        try {
            files.download(key, target);
        } catch (CompletionException e) {
            throw new TransientFailure("A chunk could not be read back from storage", e);
        }
    }

    /** The ladder's progress: what came before the chunks, then the chunks' share by how far each is. */
    private static final class Progress {

        private static final double JOIN_SHARE = 0.05;

        private final double before;
        private final int count;
        private volatile double settled;
        private volatile double running;

        Progress(double before, int count) {
            this.before = before;
            this.count = count;
        }

        void settled(double chunksDone) {
            settled = chunksDone;
            running = 0;
        }

        void running(double chunkProgress) {
            running = chunkProgress;
        }

        double value() {
            double chunks = Math.min(1, (settled + running) / count);
            return before + (1 - before - JOIN_SHARE) * chunks;
        }
    }
}
