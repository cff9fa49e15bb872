package io.mediawerk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The local run's embedded PostgreSQL, Kafka and S3 ({@code mediawerk.local-stack.*}). */
@ConfigMapping(prefix = "mediawerk.local-stack")
public interface LocalRunSettings {

    /** Start embedded PostgreSQL, Kafka and S3 (local run only; never in production). */
    @WithDefault("false")
    boolean enabled();

    /** Folder that keeps the embedded stack's data and the first-run credentials. */
    @WithDefault(".mediawerk")
    String dataDir();

    /** Port of the embedded PostgreSQL. */
    @WithDefault("15432")
    int postgresPort();

    /** Port of the embedded Kafka broker. */
    @WithDefault("19092")
    int kafkaPort();

    /** Port of the embedded Kafka KRaft controller. */
    @WithDefault("19093")
    int kafkaControllerPort();

    /** Port of the embedded S3 server. */
    @WithDefault("19000")
    int s3Port();

    /** Access key of the embedded S3 server. */
    @WithDefault("mediawerk-local")
    String s3AccessKey();

    /** Secret key of the embedded S3 server. */
    @WithDefault("mediawerk-local-secret")
    String s3SecretKey();
}
