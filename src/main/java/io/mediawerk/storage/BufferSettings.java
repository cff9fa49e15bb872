package io.mediawerk.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalInt;

/** The heap that files streamed to S3 (uploads, ingests) may hold at once on one instance. */
@ConfigMapping(prefix = "mediawerk.buffers")
public interface BufferSettings {

    /**
     * Heap for the part buffers of uploads and ingests, in MiB; at least one part. Default: a quarter of the maximum
     * heap (-Xmx), and never less than two parts.
     */
    OptionalInt budgetMib();

    /** How long an upload waits for buffer memory, its socket paused, before it is answered 503 with Retry-After. */
    @WithDefault("PT10S")
    Duration maxWait();

    /** Uploads that may wait for buffer memory at once; the next one is answered 503 with Retry-After at once. */
    @WithDefault("64")
    int maxWaiting();
}
