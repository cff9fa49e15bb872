package io.mediawerk.task.worker;

import io.mediawerk.config.TransformSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The local folders running tasks write into before their files go to S3: one per task attempt, removed after. */
@ApplicationScoped
public class WorkFolders {

    private final Path root;

    public WorkFolders(TransformSettings transformSettings) {
        this.root = Path.of(transformSettings.workDir().orElse(System.getProperty("java.io.tmpdir")))
                .resolve("mediawerk-work");
    }

    /** The attempt's folder (not created yet). */
    public Path of(ClaimedTask claimed) {
        return root.resolve(claimed.task().id + "-" + claimed.attempt());
    }

    /** The folder of a part of a task (a chunk) that this worker runs (not created yet). */
    public Path ofPart(String partId) {
        return root.resolve(partId);
    }

    /** The files under {@code dir}, sorted. */
    public static List<Path> filesOf(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Removes the folder; a leftover of a temporary folder is harmless, so failures are ignored. */
    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // see above
        }
    }
}
