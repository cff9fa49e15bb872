package io.mediawerk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The job topics Mediawerk creates ({@code mediawerk.kafka.*}). */
@ConfigMapping(prefix = "mediawerk.kafka")
public interface KafkaSettings {

    /** Create the job topics at start when they are missing. */
    @WithDefault("true")
    boolean createTopics();

    /** Partitions of the job topics Mediawerk creates: the most worker instances one topic can feed. */
    @WithDefault("4")
    int partitions();

    /** Replication factor of the job topics Mediawerk creates. */
    @WithDefault("1")
    short replicationFactor();
}
