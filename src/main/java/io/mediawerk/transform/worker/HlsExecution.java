package io.mediawerk.transform.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediawerk.api.Outages;
import io.mediawerk.config.TransformSettings;
import io.mediawerk.ffmpeg.ProcessResult;
import io.mediawerk.ffmpeg.ProcessRunner;
import io.mediawerk.source.Source;
import io.mediawerk.storage.Storage;
import io.mediawerk.task.Task;
import io.mediawerk.task.worker.ClaimedTask;
import io.mediawerk.task.worker.OutputFiles;
import io.mediawerk.task.worker.RunControl;
import io.mediawerk.task.worker.TaskFailure;
import io.mediawerk.task.worker.TaskLost;
import io.mediawerk.task.worker.WorkFolders;
import io.mediawerk.transform.TransformInputs;
import io.mediawerk.transform.plan.CopyGate;
import io.mediawerk.transform.plan.HlsPlan;
import io.mediawerk.transform.plan.InputFacts;
import io.mediawerk.transform.plan.MediaPlaylist;
import io.mediawerk.transform.plan.Planner;
import io.mediawerk.transform.plan.TransformSpec;
import io.quarkus.logging.Log;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs an HLS transform so that it is playable early: the first rendition (a stream copy when {@link CopyGate} allows,
 * else the lowest rung) is stored and published as the source, {@code processing}, with a master playlist naming it;
 * the other rungs follow in one pass, or in chunks any worker may encode for a long input ({@link ChunkedRungs}), and
 * the finished ladder is the task's result.
 */
@ApplicationScoped
public class HlsExecution {

    private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(1);
    private static final long PROBE_OUTPUT = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Storage storage;
    private final OutputFiles outputs;
    private final WorkFolders folders;
    private final TransformLedger ledger;
    private final SideProbes probes;
    private final ChunkedRungs chunked;
    private final Duration timeout;

    public HlsExecution(
            Storage storage,
            OutputFiles outputs,
            WorkFolders folders,
            TransformLedger ledger,
            SideProbes probes,
            ChunkedRungs chunked,
            TransformSettings transformSettings) {
        this.storage = storage;
        this.outputs = outputs;
        this.folders = folders;
        this.ledger = ledger;
        this.probes = probes;
        this.chunked = chunked;
        this.timeout = transformSettings.timeout();
    }

    Source run(ClaimedTask claimed, RunControl control) {
        Task task = claimed.task();
        Path dir = folders.of(claimed);
        try {
            Path out = Files.createDirectories(dir.resolve("out"));
            InputFacts facts = TransformInputs.facts(claimed.input());
            TransformSpec spec = new TransformSpec(task.kind, task.options);
            String input = storage.presignGet(claimed.input().storageKey, timeout.plusMinutes(10));
            FfmpegSteps steps = new FfmpegSteps(task.id, input, control, timeout);
            LiveLadder ladder = new LiveLadder(task, out, outputs);

            long began = System.nanoTime();
            First first = first(spec, facts, input, out, steps);
            HlsPlan.Start start = first.start();
            ladder.planned(first.gate(), start.rung(), start.left());
            control.checkOwned();
            long ran = System.nanoTime();
            ladder.add(start.rung(), first.copiedStreams());
            if (ladder.complete()) {
                return ladder.source();
            }
            publish(claimed, ladder.source());
            Log.debugf(
                    "Transform %s: first rendition (%s) published %d ms after it began, %d ms after ffmpeg",
                    task.id,
                    first.gate().copy() ? "copy" : "encode",
                    ms(System.nanoTime() - began),
                    ms(System.nanoTime() - ran));
            if (chunked.applies(spec, facts, start.left())) {
                // joined one by one: each rung is published as it is stored
                chunked.make(claimed, control, steps, facts, input, out, start.left(), first.cuts(), rung -> {
                    control.checkOwned();
                    ladder.add(rung, null);
                    if (!ladder.complete()) {
                        publish(claimed, ladder.source());
                    }
                });
                return ladder.source();
            }
            folders(out, start.left());
            steps.run(HlsPlan.rest(spec, facts, input, out, Planner.DEFAULT_THREADS, start.left(), first.cuts()));
            control.checkOwned();
            for (HlsPlan.Rung rung : start.left()) {
                ladder.add(rung, null);
            }
            return ladder.source();
        } catch (IOException e) {
            throw new UncheckedIOException("Work folder " + dir + " is not usable", e);
        } finally {
            WorkFolders.delete(dir);
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /** ffmpeg's HLS muxer writes into a rung's folder but does not make it. */
    private static void folders(Path out, List<HlsPlan.Rung> rungs) throws IOException {
        for (HlsPlan.Rung rung : rungs) {
            Files.createDirectories(out.resolve(rung.folder()));
        }
    }

    /**
     * The first stage as run: its plan, the gate's decision, the copy's cut times (null when encoded) and, for a copy,
     * its streams (the input's).
     */
    private record First(HlsPlan.Start start, CopyGate.Decision gate, List<Double> cuts, JsonNode copiedStreams) {}

    /**
     * Makes the first rendition. An input of the ladder's codec whose options allow a copy is copied while ffprobe
     * reads its streams (the copy is I/O, the probe mostly waiting): the copy is kept when the gate then agrees, else
     * dropped. A copy whose keyframes are too far apart (or, in fragmented MP4, whose segments do not decode on their
     * own) is dropped too; then the lowest rung is encoded.
     */
    private First first(TransformSpec spec, InputFacts facts, String input, Path out, FfmpegSteps steps)
            throws IOException {
        CompletableFuture<JsonNode> probing = probes.start(() -> streams(input, facts));
        HlsPlan.Start copy = null;
        TaskFailure copyFailed = null;
        if (CopyGate.sameCodec(spec, facts) && CopyGate.optionsRefusal(spec, facts) == null) {
            copy = start(spec, facts, input, out, new CopyGate.Decision(true, true, null));
            try {
                steps.run(copy.step());
            } catch (TaskFailure e) {
                copyFailed = e;
            }
        }
        JsonNode streams = SideProbes.result(probing);
        CopyGate.Decision gate = streams == null
                ? new CopyGate.Decision(false, false, "the input's streams could not be read")
                : CopyGate.decide(spec, facts, streams);
        if (copy != null && !(gate.copy() && gate.copyAudio())) {
            WorkFolders.delete(out.resolve(copy.rung().folder()));
            copy = null;
            copyFailed = null;
        }
        if (copyFailed != null) {
            throw copyFailed;
        }
        if (copy == null && gate.copy()) {
            copy = start(spec, facts, input, out, gate);
            steps.run(copy.step());
        }
        if (copy != null) {
            Path folder = out.resolve(copy.rung().folder());
            MediaPlaylist copied =
                    MediaPlaylist.parse(Files.readString(out.resolve(copy.rung().playlist())));
            String refusal = copied.longestSegment() > CopyGate.MAX_SEGMENT_SECONDS
                    ? "keyframes are more than " + (int) CopyGate.MAX_SEGMENT_SECONDS + " s apart"
                    : HlsPlan.fragmentedMp4(spec) ? SegmentsOnTheirOwn.refusal(folder, copied) : null;
            if (refusal == null) {
                return new First(copy, gate, copied.cuts(), CopyGate.copiedStreams(streams, gate));
            }
            WorkFolders.delete(folder);
            gate = new CopyGate.Decision(false, false, refusal);
        }
        HlsPlan.Start lowest = start(spec, facts, input, out, gate);
        steps.run(lowest.step());
        return new First(lowest, gate, null, null);
    }

    private static HlsPlan.Start start(
            TransformSpec spec, InputFacts facts, String input, Path out, CopyGate.Decision gate) throws IOException {
        HlsPlan.Start start = HlsPlan.start(spec, facts, input, out, Planner.DEFAULT_THREADS, gate);
        folders(out, List.of(start.rung()));
        return start;
    }

    /** ffprobe's {@code streams} of the input, as ffmpeg opens it; null when it cannot say. */
    private static JsonNode streams(String input, InputFacts facts) {
        ProcessResult probed =
                ProcessRunner.run(HlsPlan.probeCommand(input, facts.container()), PROBE_TIMEOUT, PROBE_OUTPUT);
        if (!probed.succeeded()) {
            return null;
        }
        try {
            return JSON.readTree(probed.stdout()).path("streams");
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Makes the rungs stored so far the source's, for players to start on. A database away for a moment does not
     * stop the ladder: the finished one is recorded when the task completes.
     */
    private void publish(ClaimedTask claimed, Source partial) {
        boolean owned;
        try {
            owned = VertxContextSupport.subscribeAndAwait(() -> ledger.publish(claimed, partial));
        } catch (Throwable e) {
            if (e instanceof RuntimeException runtime && Outages.isDependencyDown(runtime)) {
                Log.warnf("Transform %s: the first rendition could not be published: %s", claimed.task().id, e);
                return;
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
        if (!owned) {
            throw new TaskLost();
        }
    }
}
