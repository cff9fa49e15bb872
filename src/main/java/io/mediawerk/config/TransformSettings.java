package io.mediawerk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Running tasks (transforms and intelligence alike): concurrency, leases, time limits ({@code mediawerk.transforms.*}). */
@ConfigMapping(prefix = "mediawerk.transforms")
public interface TransformSettings {

    /**
     * Transforms run at once by this instance: one per Kafka consumer (the channel's concurrency is set from it).
     */
    @WithDefault("2")
    int concurrency();

    /** Local folder for the files a running task writes before they go to S3 (default: the system temp dir). */
    Optional<String> workDir();

    /** The longest one task may run; ffmpeg is stopped after it and the task fails. */
    @WithDefault("PT2H")
    Duration timeout();

    /** How long a worker's claim on a task lasts without a heartbeat before another worker may take it. */
    @WithDefault("PT30S")
    Duration lease();

    /** How often a running task's progress is stored and its lease renewed (and a cancel noticed). */
    @WithDefault("PT2S")
    Duration heartbeatEvery();

    /** How often tasks whose worker stopped (lease expired) are put back on the topic. */
    @WithDefault("10s")
    Duration rescueEvery();

    /** A task pending this long is queued again (its message may be lost; a duplicate is harmless). */
    @WithDefault("PT1H")
    Duration requeuePendingAfter();

    /**
     * HLS ladders of inputs longer than this are encoded in chunks about this long, by as many workers as are free
     * (see docs/streaming.md).
     */
    @WithDefault("PT2M")
    Duration chunkLength();

    /** Runs of one task (a worker stopping mid-task counts as one) before it fails for good. */
    @WithDefault("3")
    int maxAttempts();
}
