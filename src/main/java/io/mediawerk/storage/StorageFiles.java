package io.mediawerk.storage;

import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/**
 * Moves whole local files to and from S3 for the workers, blocking the calling thread (never an event loop). Files
 * go to S3 part by part straight from disk and come back straight to disk, so neither their size nor how many are
 * moved at once matters to the heap.
 */
@ApplicationScoped
public class StorageFiles {

    private static final Duration FINISH_TIMEOUT = Duration.ofMinutes(10);
    private static final int AT_ONCE = 8;

    private final Storage storage;
    private final S3AsyncClient s3;

    public StorageFiles(Storage storage, S3AsyncClient s3) {
        this.storage = storage;
        this.s3 = s3;
    }

    /** Stores a local file under the key; on failure nothing is left behind in S3. */
    public S3Upload.Stored store(Path file, String key, String contentType) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file.getFileName(), e);
        }
        int partSize = storage.partSize();
        if (size <= partSize) {
            return storage.putFile(key, contentType, file, size).await().atMost(FINISH_TIMEOUT);
        }
        S3Upload upload = storage.startFileUpload(key, contentType);
        try {
            for (long position = 0; position < size; position += partSize) {
                CompletableFuture<Void> wait = upload.offerFile(file, position, Math.min(partSize, size - position));
                if (wait != null) {
                    wait.join();
                }
            }
            return upload.finish().await().atMost(FINISH_TIMEOUT);
        } catch (RuntimeException e) {
            abortQuietly(upload);
            throw e;
        }
    }

    /** One local file to store, and where. */
    public record FileToStore(Path file, String key, String contentType) {}

    /**
     * Stores several local files as {@link #store} does, the ones of a single part {@link #AT_ONCE} at a time (many
     * small files — HLS segments — go much faster side by side), the larger ones in turn. In the order given.
     */
    public List<S3Upload.Stored> storeAll(List<FileToStore> files) {
        S3Upload.Stored[] stored = new S3Upload.Stored[files.size()];
        List<Integer> small = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            long size = sizeOf(files.get(i).file());
            if (size <= storage.partSize()) {
                small.add(i);
            } else {
                FileToStore large = files.get(i);
                stored[i] = store(large.file(), large.key(), large.contentType());
            }
        }
        Multi.createFrom()
                .iterable(small)
                .onItem()
                .transformToUni(i -> {
                    FileToStore each = files.get(i);
                    return storage.putFile(each.key(), each.contentType(), each.file(), sizeOf(each.file()))
                            .invoke(done -> stored[i] = done);
                })
                .merge(AT_ONCE)
                .collect()
                .last()
                .await()
                .atMost(FINISH_TIMEOUT);
        return List.of(stored);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file.getFileName(), e);
        }
    }

    /** Copies an object to a local file (for programs that cannot read from a URL). */
    public void download(String key, Path target) {
        GetObjectRequest request =
                GetObjectRequest.builder().bucket(storage.bucket()).key(key).build();
        s3.getObject(request, AsyncResponseTransformer.toFile(target)).join();
    }

    private static void abortQuietly(S3Upload upload) {
        try {
            upload.abort().await().atMost(FINISH_TIMEOUT);
        } catch (RuntimeException ignored) {
            // left to the bucket's rule for incomplete multipart uploads (see the README's production settings)
        }
    }
}
