package io.mediawerk.transform.worker;

import io.mediawerk.storage.S3Upload;
import io.mediawerk.task.Task;
import io.mediawerk.task.worker.OutputFiles;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Stores a rung's segments while ffmpeg still writes them, so that a copy is stored almost as soon as it is made:
 * ffmpeg's HLS muxer closes a segment before it opens the next, so a segment is whole once the next one exists. The
 * last segment, the playlists and anything too large for one PUT are left to {@link LiveLadder#add}. Nothing is sent
 * until {@link #allow} (the copy gate's yes).
 */
final class SegmentShipper {

    private static final long POLL_MILLIS = 25;
    private static final Pattern SEGMENT = Pattern.compile("seg_\\d+\\.ts");

    private final Task task;
    private final Path out;
    private final Path folder;
    private final OutputFiles outputs;
    private final Map<String, CompletableFuture<S3Upload.Stored>> shipped = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hls-segment-shipper");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean allowed;

    SegmentShipper(Task task, Path out, Path folder, OutputFiles outputs) {
        this.task = task;
        this.out = out;
        this.folder = folder;
        this.outputs = outputs;
        timer.scheduleWithFixedDelay(this::ship, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    void allow() {
        allowed = true;
    }

    /** Stops looking; answers what was stored, by path relative to the output folder (failed PUTs left out). */
    Map<String, S3Upload.Stored> stop() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<String, S3Upload.Stored> stored = new ConcurrentHashMap<>();
        shipped.forEach((name, storing) -> {
            try {
                stored.put(name, storing.join());
            } catch (RuntimeException e) {
                Log.debugf("Segment %s of task %s was not stored early: %s", name, task.id, e.toString());
            }
        });
        return stored;
    }

    private static int index(Path segment) {
        String name = segment.getFileName().toString();
        return Integer.parseInt(name.substring("seg_".length(), name.indexOf('.')));
    }

    private void ship() {
        if (!allowed) {
            return;
        }
        List<Path> segments;
        try (Stream<Path> files = Files.list(folder)) {
            segments = files.filter(file ->
                            SEGMENT.matcher(file.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(SegmentShipper::index))
                    .toList();
        } catch (IOException e) {
            return; // the folder is not there yet
        }
        for (int i = 0; i < segments.size() - 1; i++) {
            Path segment = segments.get(i);
            String name = out.relativize(segment).toString().replace('\\', '/');
            if (!shipped.containsKey(name)) {
                CompletableFuture<S3Upload.Stored> storing = outputs.startGrowing(task, out, segment);
                if (storing != null) {
                    shipped.put(name, storing);
                }
            }
        }
    }
}
