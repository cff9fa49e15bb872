package io.mediawerk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The S3 bucket and how files are streamed to it ({@code mediawerk.storage.*}). */
@ConfigMapping(prefix = "mediawerk.storage")
public interface StorageSettings {

    /** Bucket that holds every file Mediawerk stores. */
    @WithDefault("mediawerk")
    String bucket();

    /** Create the bucket at start when it does not exist. */
    @WithDefault("true")
    boolean createBucket();

    /** Size of the parts files are streamed to S3 in, in MiB (5 to 512); also the chunk unit of uploads. */
    @WithDefault("8")
    int partSizeMib();

    /** Parts of one file uploaded to S3 at the same time. */
    @WithDefault("2")
    int partsInFlight();

    /** How often files that were let go of are removed from S3. */
    @WithDefault("10s")
    Duration sweepEvery();
}
