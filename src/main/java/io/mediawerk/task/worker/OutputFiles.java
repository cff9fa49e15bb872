package io.mediawerk.task.worker;

import io.mediawerk.source.Source;
import io.mediawerk.source.SourceFiles;
import io.mediawerk.source.SourceFormat;
import io.mediawerk.storage.ContentTypes;
import io.mediawerk.storage.S3Upload;
import io.mediawerk.storage.StorageFiles;
import io.mediawerk.task.Task;
import io.mediawerk.task.TaskOutputs;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stores what a task's run wrote and makes it the task's output source: the same for every task family. */
@ApplicationScoped
public class OutputFiles {

    private final StorageFiles files;

    public OutputFiles(StorageFiles files) {
        this.files = files;
    }

    /**
     * Stores every file of {@code out} under the attempt's prefix, from disk. A folder output (or several files) is
     * one source under the prefix, {@code mainFile} the one its URL points at; else the one file is the source's.
     */
    public SourceFiles store(ClaimedTask claimed, Path out, String mainFile, String mainType, boolean folder)
            throws IOException {
        String prefix = TaskOutputs.attemptPrefix(claimed.task(), claimed.attempt());
        List<Path> made = WorkFolders.filesOf(out);
        Map<String, Long> stored = new LinkedHashMap<>();
        String etag = null;
        for (Path file : made) {
            String name = out.relativize(file).toString().replace('\\', '/');
            S3Upload.Stored done =
                    store(file, prefix + name, name.equals(mainFile) ? mainType : ContentTypes.ofFile(name));
            stored.put(name, done.size());
            if (name.equals(mainFile)) {
                etag = done.etag();
            }
        }
        long size = stored.values().stream().mapToLong(Long::longValue).sum();
        return folder || stored.size() > 1
                ? new SourceFiles(prefix.substring(0, prefix.length() - 1), stored, mainFile, size, etag)
                : SourceFiles.single(prefix + mainFile, size, etag);
    }

    /** Stores one more file of the run beside its output (a subtitles track, say), under {@code name}. */
    public SourceFiles storeExtra(ClaimedTask claimed, Path file, String name, String type) {
        String key = TaskOutputs.attemptPrefix(claimed.task(), claimed.attempt()) + name;
        S3Upload.Stored done = store(file, key, type);
        return SourceFiles.single(key, done.size(), done.etag());
    }

    /**
     * Stores {@code made} (files of the run's folder {@code out}) under the task's growing output, each at its path
     * relative to {@code out}; replaces what is there.
     */
    public Map<String, S3Upload.Stored> storeGrowing(Task task, Path out, List<Path> made) {
        String prefix = TaskOutputs.growingPrefix(task);
        List<String> names = made.stream()
                .map(file -> out.relativize(file).toString().replace('\\', '/'))
                .toList();
        List<StorageFiles.FileToStore> toStore = new ArrayList<>();
        for (int i = 0; i < made.size(); i++) {
            toStore.add(new StorageFiles.FileToStore(
                    made.get(i), prefix + names.get(i), ContentTypes.ofFile(names.get(i))));
        }
        List<S3Upload.Stored> done;
        try {
            done = files.storeAll(toStore);
        } catch (RuntimeException e) {
            throw new TransientFailure("Storing the output failed", e);
        }
        Map<String, S3Upload.Stored> stored = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            stored.put(names.get(i), done.get(i));
        }
        return stored;
    }

    /** The source a task made: its reserved id (or {@code id} for an extra), ready, recording the task. */
    public static Source sourceOf(Task task, String id, String label, SourceFormat format, SourceFiles stored) {
        Source source = Source.ready(id, task.projectId, task.mediaId, label, format, stored);
        source.taskId = task.id;
        return source;
    }

    private S3Upload.Stored store(Path file, String key, String type) {
        try {
            return files.store(file, key, type);
        } catch (RuntimeException e) {
            throw new TransientFailure("Storing the output failed", e);
        }
    }
}
