package io.mediawerk.transform.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediawerk.api.Times;
import io.mediawerk.config.MediawerkConfig;
import io.mediawerk.ffmpeg.ProcessResult;
import io.mediawerk.ffmpeg.ProcessRunner;
import io.mediawerk.source.Source;
import io.mediawerk.storage.ContentTypes;
import io.mediawerk.storage.S3Upload;
import io.mediawerk.storage.Storage;
import io.mediawerk.storage.StorageFiles;
import io.mediawerk.task.Task;
import io.mediawerk.task.TaskOutputs;
import io.mediawerk.task.worker.ClaimedTask;
import io.mediawerk.task.worker.RunControl;
import io.mediawerk.task.worker.TaskFailure;
import io.mediawerk.task.worker.TransientFailure;
import io.mediawerk.task.worker.WorkFolders;
import io.mediawerk.transform.TransformInputs;
import io.mediawerk.transform.plan.FfmpegErrors;
import io.mediawerk.transform.plan.InputFacts;
import io.mediawerk.transform.plan.Output;
import io.mediawerk.transform.plan.Plan;
import io.mediawerk.transform.plan.Planner;
import io.mediawerk.transform.plan.Step;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Runs one claimed transform on this machine, blocking the calling thread: plans the ffmpeg commands, runs them
 * (reading the input straight from S3 through a short-lived URL), measures the result and stores every file under
 * the attempt's S3 prefix. Returns the new source, not yet saved: the ledger decides whether it counts.
 */
@ApplicationScoped
public class TransformExecution {

    private static final Pattern READ_FAILURE = Pattern.compile(
            "Server returned 5|Connection refused|Connection timed out|Connection reset by peer");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Executor PROBES = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "transform-probe");
        thread.setDaemon(true);
        return thread;
    });

    private final Storage storage;
    private final StorageFiles files;
    private final WorkFolders folders;
    private final Duration timeout;

    public TransformExecution(Storage storage, StorageFiles files, WorkFolders folders, MediawerkConfig config) {
        this.storage = storage;
        this.files = files;
        this.folders = folders;
        this.timeout = config.transforms().timeout();
    }

    Source run(ClaimedTask claimed, RunControl control) {
        Task task = claimed.task();
        Path dir = folders.of(claimed);
        try {
            Path scratch = Files.createDirectories(dir.resolve("scratch"));
            Path out = Files.createDirectories(dir.resolve("out"));
            InputFacts facts = TransformInputs.facts(claimed.input());
            String input = inputLocation(claimed.input(), facts, scratch);
            Plan plan = Planner.plan(new TransformSpec(task.kind, task.options), facts, input, scratch, out);
            long started = System.nanoTime();
            runSteps(task.id, plan.steps(), input, control);
            long ran = System.nanoTime();
            for (Map.Entry<String, String> text : plan.output().textFiles().entrySet()) {
                Files.writeString(out.resolve(text.getKey()), text.getValue(), StandardCharsets.UTF_8);
            }
            control.checkOwned();
            // measuring the output and storing it both only read the files: side by side
            Path probeFile = out.resolve(plan.output().probeFile());
            CompletableFuture<OutputProbe.Measured> measuring = CompletableFuture.supplyAsync(
                    () -> OutputProbe.measure(probeFile), PROBES);
            Source made = store(claimed, plan.output(), measuring, out);
            Log.debugf("Transform %s: programs %d ms, probing and storing %d ms", task.id,
                    (ran - started) / 1_000_000, (System.nanoTime() - ran) / 1_000_000);
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

    private void runSteps(String taskId, List<Step> steps, String input, RunControl control) throws IOException {
        FfmpegProgress progress = new FfmpegProgress(steps);
        control.follow(progress::value);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < steps.size(); i++) {
            progress.stepStarted(i);
            if (Log.isDebugEnabled()) {
                // as a JSON array, so that it can be run again as it is (the benchmark does); the URL is a secret
                Log.debugf("Transform %s step %d runs %s", taskId, i, JSON.writeValueAsString(steps.get(i).command()
                        .stream().map(arg -> arg.equals(input) ? "<input>" : arg).toList()));
            }
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            ProcessResult result = ProcessRunner.runStreaming(steps.get(i).command(), left, control::started,
                    progress::line);
            control.checkOwned();
            if (result.timedOut()) {
                throw new TaskFailure("transform_timeout", "The transform took longer than "
                        + timeout.toMinutes() + " minutes and was stopped.");
            }
            if (result.exitCode() != 0) {
                // the input URL is a credential: it never reaches a message
                String stderr = result.stderrTail().replace(input, "input");
                String reason = FfmpegErrors.relevantLine(stderr);
                if (READ_FAILURE.matcher(stderr).find()) {
                    throw new TransientFailure("Reading the input failed: " + reason, null);
                }
                throw new TaskFailure("transform_failed", reason);
            }
            progress.stepEnded();
        }
    }

    private Source store(ClaimedTask claimed, Output output,
                         CompletableFuture<OutputProbe.Measured> measuring, Path out) throws IOException {
        Task task = claimed.task();
        String prefix = TaskOutputs.attemptPrefix(task, claimed.attempt());
        Map<String, Long> stored = new LinkedHashMap<>();
        String mainEtag = null;
        for (Path file : WorkFolders.filesOf(out)) {
            String name = out.relativize(file).toString().replace('\\', '/');
            String type = name.equals(output.mainFile()) ? output.mimeType() : ContentTypes.ofFile(name);
            S3Upload.Stored done;
            try {
                done = files.store(file, prefix + name, type);
            } catch (RuntimeException e) {
                throw new TransientFailure("Storing the output failed", e);
            }
            stored.put(name, done.size());
            if (name.equals(output.mainFile())) {
                mainEtag = done.etag();
            }
        }
        OutputProbe.Measured measured = measured(measuring);
        Source source = new Source();
        source.id = task.outputSourceId;
        source.mediaId = task.mediaId;
        source.projectId = task.projectId;
        source.kind = output.kind();
        source.label = task.label;
        source.mimeType = output.mimeType();
        source.container = output.container();
        source.extension = output.extension();
        source.videoCodec = measured.videoCodec();
        source.audioCodec = measured.audioCodec();
        source.width = measured.width();
        source.height = measured.height();
        source.duration = "image".equals(output.kind()) ? null : measured.duration();
        source.fps = "image".equals(output.kind()) ? null : measured.fps();
        source.bitrate = "image".equals(output.kind()) ? null : measured.bitrate();
        source.filesize = stored.values().stream().mapToLong(Long::longValue).sum();
        if (output.multiFile()) {
            source.storageKey = prefix.substring(0, prefix.length() - 1);
            source.files = stored;
            source.mainFile = output.mainFile();
        } else {
            source.storageKey = prefix + output.mainFile();
        }
        source.etag = mainEtag;
        source.status = Source.READY;
        source.transformId = task.id;
        source.metadata = new HashMap<>(output.metadata());
        source.created = Times.now();
        source.updated = source.created;
        return source;
    }

    private static OutputProbe.Measured measured(CompletableFuture<OutputProbe.Measured> measuring) {
        try {
            return measuring.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

}
