package io.mediawerk.transform.worker;

import io.mediawerk.config.TransformSettings;
import io.mediawerk.source.Source;
import io.mediawerk.source.SourceFiles;
import io.mediawerk.source.SourceFormat;
import io.mediawerk.storage.Storage;
import io.mediawerk.storage.StorageFiles;
import io.mediawerk.task.Task;
import io.mediawerk.task.worker.ClaimedTask;
import io.mediawerk.task.worker.OutputFiles;
import io.mediawerk.task.worker.RunControl;
import io.mediawerk.task.worker.TransientFailure;
import io.mediawerk.task.worker.WorkFolders;
import io.mediawerk.transform.TransformInputs;
import io.mediawerk.transform.plan.HlsPlan;
import io.mediawerk.transform.plan.InputFacts;
import io.mediawerk.transform.plan.Output;
import io.mediawerk.transform.plan.Plan;
import io.mediawerk.transform.plan.Planner;
import io.mediawerk.transform.plan.TransformSpec;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one claimed transform on this machine, blocking the calling thread: plans the ffmpeg commands, runs them
 * (reading the input straight from S3 through a short-lived URL), measures the result and stores every file under
 * the attempt's S3 prefix. Returns the new source, not yet saved: the ledger decides whether it counts.
 */
@ApplicationScoped
public class TransformExecution {

    private final Storage storage;
    private final StorageFiles files;
    private final OutputFiles outputs;
    private final WorkFolders folders;
    private final HlsExecution hls;
    private final Duration timeout;
    private final SideProbes probes;

    public TransformExecution(
            Storage storage,
            StorageFiles files,
            OutputFiles outputs,
            WorkFolders folders,
            HlsExecution hls,
            SideProbes probes,
            TransformSettings transformSettings) {
        this.storage = storage;
        this.files = files;
        this.outputs = outputs;
        this.folders = folders;
        this.hls = hls;
        this.probes = probes;
        this.timeout = transformSettings.timeout();
    }

    Source run(ClaimedTask claimed, RunControl control) {
        Task task = claimed.task();
        if (HlsPlan.isHls(new TransformSpec(task.kind, task.options))) {
            return hls.run(claimed, control);
        }
        Path dir = folders.of(claimed);
        try {
            Path scratch = Files.createDirectories(dir.resolve("scratch"));
            Path out = Files.createDirectories(dir.resolve("out"));
            InputFacts facts = TransformInputs.facts(claimed.input());
            String input = inputLocation(claimed.input(), facts, scratch);
            Plan plan = Planner.plan(new TransformSpec(task.kind, task.options), facts, input, scratch, out);
            long started = System.nanoTime();
            FfmpegSteps steps = new FfmpegSteps(task.id, input, control, timeout);
            plan.steps().forEach(steps::run);
            long ran = System.nanoTime();
            for (Map.Entry<String, String> text : plan.output().textFiles().entrySet()) {
                Files.writeString(out.resolve(text.getKey()), text.getValue(), StandardCharsets.UTF_8);
            }
            control.checkOwned();
            // measuring the output and storing it both only read the files: side by side
            Path probeFile = out.resolve(plan.output().probeFile());
            CompletableFuture<OutputProbe.Measured> measuring = probes.start(() -> OutputProbe.measure(probeFile));
            Source made = store(claimed, plan.output(), measuring, out);
            Log.debugf(
                    "Transform %s: programs %d ms, probing and storing %d ms",
                    task.id, (ran - started) / 1_000_000, (System.nanoTime() - ran) / 1_000_000);
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("Work folder " + dir + " is not usable", e);
        } finally {
            WorkFolders.delete(dir);
        }
    }

    private String inputLocation(Source input, InputFacts facts, Path scratch) {
        if (!Planner.needsLocalInput(facts)) {
            return storage.presignGet(input.storageKey, timeout.plusMinutes(10));
        }
        Path local = scratch.resolve("input." + (input.extension == null ? "bin" : input.extension));
        try {
            files.download(input.storageKey, local);
        } catch (RuntimeException e) {
            throw new TransientFailure("The input could not be read from storage", e);
        }
        return local.toString();
    }

    private Source store(
            ClaimedTask claimed, Output output, CompletableFuture<OutputProbe.Measured> measuring, Path out)
            throws IOException {
        Task task = claimed.task();
        SourceFiles stored = outputs.store(claimed, out, output.mainFile(), output.mimeType(), output.multiFile());
        OutputProbe.Measured measured = SideProbes.result(measuring);
        Source source = OutputFiles.sourceOf(
                task,
                task.outputSourceId,
                task.label,
                new SourceFormat(output.kind(), output.mimeType(), output.container(), output.extension()),
                stored);
        source.videoCodec = measured.videoCodec();
        source.audioCodec = measured.audioCodec();
        source.width = measured.width();
        source.height = measured.height();
        boolean still = "image".equals(output.kind());
        source.duration = still ? null : measured.duration();
        source.fps = still ? null : measured.fps();
        source.bitrate = still ? null : measured.bitrate();
        source.metadata = new HashMap<>(output.metadata());
        return source;
    }
}
