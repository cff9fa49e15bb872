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

/**
 * Runs an HLS transform so that it is playable early: the first rendition (a stream copy when {@link CopyGate} allows,
 * else the lowest rung) is stored and published as the source, {@code processing}, with a master playlist naming it;
 * the other rungs follow in one pass and the finished ladder is the task's result.
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
    private final Duration timeout;

    public HlsExecution(
            Storage storage,
            OutputFiles outputs,
            WorkFolders folders,
            TransformLedger ledger,
            TransformSettings transformSettings) {
        this.storage = storage;
        this.outputs = outputs;
        this.folders = folders;
        this.ledger = ledger;
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

            CopyGate.Decision gate = gate(spec, facts, input);
            HlsPlan.Start start = HlsPlan.start(spec, facts, input, out, Planner.DEFAULT_THREADS, gate);
            folders(out, List.of(start.rung()));
            steps.run(start.step());
            List<Double> cuts = null;
            if (start.rung().copy()) {
                MediaPlaylist copy = ladder.playlistOf(start.rung());
                if (copy.longestSegment() > CopyGate.MAX_SEGMENT_SECONDS) {
                    WorkFolders.delete(out.resolve(start.rung().folder()));
                    gate = new CopyGate.Decision(
                            false, false, "keyframes are more than " + (int) CopyGate.MAX_SEGMENT_SECONDS + " s apart");
                    start = HlsPlan.start(spec, facts, input, out, Planner.DEFAULT_THREADS, gate);
                    folders(out, List.of(start.rung()));
                    steps.run(start.step());
                } else {
                    cuts = copy.cuts();
                }
            }
            ladder.planned(gate, start.rung(), start.left());
            control.checkOwned();
            ladder.add(start.rung());
            if (ladder.complete()) {
                return ladder.source();
            }
            publish(claimed, ladder.source());
            folders(out, start.left());
            steps.run(HlsPlan.rest(spec, facts, input, out, Planner.DEFAULT_THREADS, start.left(), cuts));
            control.checkOwned();
            for (HlsPlan.Rung rung : start.left()) {
                ladder.add(rung);
            }
            return ladder.source();
        } catch (IOException e) {
            throw new UncheckedIOException("Work folder " + dir + " is not usable", e);
        } finally {
            WorkFolders.delete(dir);
        }
    }

    /** ffmpeg's HLS muxer writes into a rung's folder but does not make it. */
    private static void folders(Path out, List<HlsPlan.Rung> rungs) throws IOException {
        for (HlsPlan.Rung rung : rungs) {
            Files.createDirectories(out.resolve(rung.folder()));
        }
    }

    /** Whether the input may be copied; an input ffprobe cannot describe here is encoded. */
    private static CopyGate.Decision gate(TransformSpec spec, InputFacts facts, String input) {
        ProcessResult probed =
                ProcessRunner.run(HlsPlan.probeCommand(input, facts.container()), PROBE_TIMEOUT, PROBE_OUTPUT);
        if (!probed.succeeded()) {
            return new CopyGate.Decision(false, false, "the input's streams could not be read");
        }
        try {
            JsonNode streams = JSON.readTree(probed.stdout()).path("streams");
            return CopyGate.decide(spec, facts, streams);
        } catch (IOException e) {
            return new CopyGate.Decision(false, false, "the input's streams could not be read");
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
