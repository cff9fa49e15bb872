package io.mediawerk.files;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.mediawerk.config.FileDeliverySettings;
import io.mediawerk.source.Source;
import io.mediawerk.storage.S3Downloads;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The bytes of small files that cannot change, kept in memory so that a popular one (a playlist, a poster, a
 * thumbnail, a short clip) is answered without S3. A file is kept under its storage key and ETag once its source is
 * ready, up to {@code memory-file-max-kib} each and {@code memory-mib} in all (Caffeine's size eviction); one unread
 * for {@link #UNREAD_FOR} is dropped. Requests that miss the same file at once share one S3 read. Whether a request
 * may have a file is decided before, from {@link DeliverableFiles}: the bytes of a deleted or private file are never
 * served from here, only left to be evicted.
 */
@ApplicationScoped
public class SmallFiles {

    private static final Duration UNREAD_FOR = Duration.ofMinutes(10);

    private final S3Downloads downloads;
    private final long maxFile;
    private final AsyncCache<String, Buffer> kept;

    public SmallFiles(S3Downloads downloads, FileDeliverySettings settings, MeterRegistry registry) {
        this.downloads = downloads;
        long memory = settings.memoryMib().isPresent()
                ? Math.max(0, settings.memoryMib().getAsInt()) * 1024L * 1024L
                : Math.min(32L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 16);
        this.maxFile = memory == 0 ? -1 : settings.memoryFileMaxKib() * 1024L;
        this.kept = Caffeine.newBuilder()
                .maximumWeight(memory)
                .<String, Buffer>weigher((key, bytes) -> key.length() + bytes.length())
                .expireAfterAccess(UNREAD_FOR)
                .recordStats()
                .buildAsync();
        CaffeineCacheMetrics.monitor(registry, kept, "mediawerk.delivery.small-files");
    }

    /** Whether the file is answered from here: small, and of a ready source (whose files never change). */
    boolean keeps(DeliveredFile file) {
        return file.size() <= maxFile && Source.READY.equals(file.source().status());
    }

    /**
     * The file's bytes: at once when kept; otherwise read from S3 (and kept), completed on {@code context}. Fails
     * with the API error to answer.
     */
    Future<Buffer> read(DeliveredFile file, Context context) {
        CompletableFuture<Buffer> bytes = kept.get(
                file.key() + '\n' + file.etag(),
                (key, executor) -> downloads
                        .read(file.key(), file.size())
                        .toCompletionStage()
                        .toCompletableFuture());
        return bytes.isDone() && !bytes.isCompletedExceptionally()
                ? Future.succeededFuture(bytes.join())
                : Future.fromCompletionStage(bytes, context);
    }
}
