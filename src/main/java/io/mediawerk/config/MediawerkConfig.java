package io.mediawerk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Every Mediawerk setting; each one is also an environment variable (MEDIAWERK_...). The worker's and the
 * notifications' groups are declared in {@link WorkerSettings} and {@link NotificationSettings}.
 */
@ConfigMapping(prefix = "mediawerk")
public interface MediawerkConfig extends WorkerSettings, NotificationSettings {

    /** Absolute base URL that clients use to reach the API; links in responses are built from it. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /** An org (admin) API key registered at start, e.g. from a Kubernetes Secret. */
    Optional<String> adminKey();

    Http http();

    LocalStack localStack();

    Storage storage();

    Purge purge();

    Expiry expiry();

    interface Expiry {

        /** How often expired media are deleted. */
        @WithDefault("30s")
        String sweepEvery();
    }

    Kafka kafka();

    Ingest ingest();

    Uploads uploads();

    Delivery delivery();

    interface Ingest {

        /** Address ranges ingest may fetch from although they are private (e.g. 127.0.0.1/32 in tests). */
        Optional<List<String>> allowedNetworks();

        /** Largest file accepted, by ingest or upload, in bytes. */
        @WithDefault("10737418240")
        long maxBytes();

        /** Time limit of one ingest (download and probe). */
        @WithDefault("PT30M")
        java.time.Duration timeout();

        /** Time limit of the connection and of each silence while downloading. */
        @WithDefault("PT30S")
        java.time.Duration idleTimeout();

        /** Redirects followed, each checked like the first URL. */
        @WithDefault("5")
        int maxRedirects();

        /** Largest image accepted, in megapixels (decompression bombs are refused). */
        @WithDefault("200")
        int maxMegapixels();

        /** Time limit of probing one file with ffprobe. */
        @WithDefault("PT60S")
        java.time.Duration probeTimeout();
    }

    interface Uploads {

        /** HMAC secret that signs upload URLs (at least 32 characters; the same on every instance). */
        String signingSecret();
    }

    interface Delivery {

        /** proxy: Mediawerk streams files itself; redirect: a 302 to a short-lived presigned S3 URL. */
        @WithDefault("proxy")
        String mode();

        /** How long a delivery redirect's presigned URL lives. */
        @WithDefault("PT10M")
        java.time.Duration redirectValidity();

        /** How often delivery counters are written to the database. */
        @WithDefault("10s")
        String flushEvery();

        /** Count deliveries for analytics (off only to measure what counting costs). */
        @WithDefault("true")
        boolean counting();
    }

    Outbox outbox();

    interface Kafka {

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

    interface Outbox {

        /** How often waiting outbox messages are relayed to Kafka. */
        @WithDefault("1s")
        String pollEvery();
    }

    interface Purge {

        /** How often the data of deleted projects is purged. */
        @WithDefault("30s")
        String every();
    }

    interface Http {

        /** Refuse plain-HTTP API calls with 403 (TLS directly, or X-Forwarded-Proto from a trusted proxy). */
        @WithDefault("true")
        boolean requireHttps();

        /** Addresses or CIDR ranges of proxies whose X-Forwarded-Proto header is trusted. */
        Optional<List<String>> trustedProxies();

        /** Largest JSON request body accepted, in bytes. */
        @WithDefault("1048576")
        long maxJsonBodyBytes();
    }

    interface LocalStack {

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

    interface Storage {

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
        String sweepEvery();
    }
}
