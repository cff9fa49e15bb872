package io.mediawerk.intelligence.worker;

import io.mediawerk.api.Ids;
import io.mediawerk.source.Source;
import io.mediawerk.source.SourceFormat;
import io.mediawerk.task.Task;
import io.mediawerk.task.worker.ClaimedTask;
import io.mediawerk.task.worker.OutputFiles;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** What an analysis leaves, stored: its result (with keyframes) as the task's source, its subtitles as another. */
@ApplicationScoped
public class AnalysisOutputs {

    private static final SourceFormat RESULT = new SourceFormat("data", "application/json", "json", "json");
    private static final SourceFormat WEBVTT = new SourceFormat("text", "text/vtt", "webvtt", "vtt");

    private final OutputFiles outputs;

    public AnalysisOutputs(OutputFiles outputs) {
        this.outputs = outputs;
    }

    /** Stores the WebVTT track as a source of its own (under the task's attempt prefix, so that a lost run's is removed). */
    Source subtitles(ClaimedTask claimed, Path file) throws IOException {
        Task task = claimed.task();
        Source source = OutputFiles.sourceOf(
                task,
                Ids.newId("src"),
                "subtitles",
                WEBVTT,
                outputs.storeExtra(claimed, file, "subtitles/" + IntelligenceExecution.SUBTITLES, WEBVTT.mimeType()));
        Files.delete(file);
        source.metadata = new HashMap<>(
                task.options.containsKey("language") ? Map.of("language", task.options.get("language")) : Map.of());
        return source;
    }

    /** Stores every file of {@code out}; the source is {@code result.json}, with the keyframes beside it. */
    Source store(ClaimedTask claimed, Path out) throws IOException {
        Task task = claimed.task();
        return OutputFiles.sourceOf(
                task,
                task.outputSourceId,
                task.label,
                RESULT,
                outputs.store(claimed, out, IntelligenceExecution.RESULT, RESULT.mimeType(), false));
    }
}
