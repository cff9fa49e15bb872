package io.mediawerk.intelligence.worker;

import io.mediawerk.api.Ids;
import io.mediawerk.api.Times;
import io.mediawerk.source.Source;
import io.mediawerk.storage.ContentTypes;
import io.mediawerk.storage.S3Upload;
import io.mediawerk.storage.StorageFiles;
import io.mediawerk.task.Task;
import io.mediawerk.task.TaskOutputs;
import io.mediawerk.task.worker.ClaimedTask;
import io.mediawerk.task.worker.TransientFailure;
import io.mediawerk.task.worker.WorkFolders;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an analysis leaves, stored: its result (with keyframes) as the task's source, its subtitles as another. */
@ApplicationScoped
public class AnalysisOutputs {

    private final StorageFiles files;

    public AnalysisOutputs(StorageFiles files) {
        this.files = files;
    }

    /** Stores the WebVTT track as a source of its own (under the task's attempt prefix, so that a lost run's is removed). */
    Source subtitles(ClaimedTask claimed, Path file) throws IOException {
        Task task = claimed.task();
        String key = TaskOutputs.attemptPrefix(task, claimed.attempt()) + "subtitles/" + IntelligenceExecution.SUBTITLES;
        S3Upload.Stored done;
        try {
            done = files.store(file, key, "text/vtt");
        } catch (RuntimeException e) {
            throw new TransientFailure("Storing the subtitles failed", e);
        }
        Files.delete(file);
        Source source = new Source();
        source.id = Ids.newId("src");
        source.mediaId = task.mediaId;
        source.projectId = task.projectId;
        source.kind = "text";
        source.label = "subtitles";
        source.mimeType = "text/vtt";
        source.container = "webvtt";
        source.extension = "vtt";
        source.filesize = done.size();
        source.storageKey = key;
        source.etag = done.etag();
        source.status = Source.READY;
        source.transformId = task.id;
        source.metadata = new HashMap<>(task.options.containsKey("language")
                ? Map.of("language", task.options.get("language")) : Map.of());
        source.created = Times.now();
        source.updated = source.created;
        return source;
    }

    /** Stores every file of {@code out}; the source is {@code result.json}, with the keyframes beside it. */
    Source store(ClaimedTask claimed, Path out) throws IOException {
        Task task = claimed.task();
        String prefix = TaskOutputs.attemptPrefix(task, claimed.attempt());
        List<Path> made = WorkFolders.filesOf(out);
        Map<String, Long> stored = new LinkedHashMap<>();
        String etag = null;
        for (Path file : made) {
            String name = out.relativize(file).toString().replace('\\', '/');
            S3Upload.Stored done;
            try {
                done = files.store(file, prefix + name, ContentTypes.ofFile(name));
            } catch (RuntimeException e) {
                throw new TransientFailure("Storing the result failed", e);
            }
            stored.put(name, done.size());
            if (name.equals(IntelligenceExecution.RESULT)) {
                etag = done.etag();
            }
        }
        Source source = new Source();
        source.id = task.outputSourceId;
        source.mediaId = task.mediaId;
        source.projectId = task.projectId;
        source.kind = "data";
        source.label = task.label;
        source.mimeType = "application/json";
        source.container = "json";
        source.extension = "json";
        source.filesize = stored.values().stream().mapToLong(Long::longValue).sum();
        if (stored.size() > 1) {
            source.storageKey = prefix.substring(0, prefix.length() - 1);
            source.files = stored;
            source.mainFile = IntelligenceExecution.RESULT;
        } else {
            source.storageKey = prefix + IntelligenceExecution.RESULT;
        }
        source.etag = etag;
        source.status = Source.READY;
        source.transformId = task.id;
        source.metadata = new HashMap<>();
        source.created = Times.now();
        source.updated = source.created;
        return source;
    }
}
