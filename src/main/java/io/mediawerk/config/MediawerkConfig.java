package io.mediawerk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Every Mediawerk setting; each one is also an environment variable (MEDIAWERK_...). */
@ConfigMapping(prefix = "mediawerk")
public interface MediawerkConfig {

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

    Transforms transforms();

    interface Transforms {

        /**
         * Transforms run at once by this instance: one per Kafka consumer (the channel's concurrency is set from it).
         */
        @WithDefault("2")
        int concurrency();

        /** Local folder for the files a running task writes before they go to S3 (default: the system temp dir). */
        Optional<String> workDir();

        /** The longest one task may run; ffmpeg is stopped after it and the task fails. */
        @WithDefault("PT2H")
        java.time.Duration timeout();

        /** How long a worker's claim on a task lasts without a heartbeat before another worker may take it. */
        @WithDefault("PT30S")
        java.time.Duration lease();

        /** How often a running task's progress is stored and its lease renewed (and a cancel noticed). */
        @WithDefault("PT2S")
        java.time.Duration heartbeatEvery();

        /** How often tasks whose worker stopped (lease expired) are put back on the topic. */
        @WithDefault("10s")
        String rescueEvery();

        /** A task pending this long is queued again (its message may be lost; a duplicate is harmless). */
        @WithDefault("PT1H")
        java.time.Duration requeuePendingAfter();

        /** Runs of one task (a worker stopping mid-task counts as one) before it fails for good. */
        @WithDefault("3")
        int maxAttempts();
    }

    Intelligence intelligence();

    interface Intelligence {

        /**
         * Intelligence tasks run at once by this instance: one per Kafka consumer (the channel's concurrency is set
         * from it). Leases, timeouts and attempts are those of transforms ({@code mediawerk.transforms.*}).
         */
        @WithDefault("1")
        int concurrency();

        /** OpenCV's frontal-face Haar cascade (Debian's opencv-data installs it here). */
        @WithDefault("/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml")
        String faceCascade();

        Speech speech();

        /** The objects provider: an image model with the DeepStack-style detection API. */
        Vision objects();

        /** The nsfw provider: an image classifier with the DeepStack-style API (labels such as nsfw / sfw). */
        Vision nsfw();

        /** An image model reached over HTTP. */
        interface Vision {

            /** The endpoint Mediawerk POSTs each image to, e.g. {@code http://vision:5000/v1/vision/detection}. */
            Optional<String> url();

            /** Sent as the {@code api_key} form field when set. */
            Optional<String> key();

            /** Time limit of one request. */
            @WithDefault("PT1M")
            java.time.Duration timeout();
        }

        /** A speech-to-text provider with the OpenAI-compatible transcription API (whisper.cpp server and others). */
        interface Speech {

            /** Base URL, e.g. {@code http://whisper:8080/v1}: Mediawerk POSTs to {@code <url>/audio/transcriptions}. */
            Optional<String> url();

            /** Sent as {@code Authorization: Bearer <key>} when set. */
            Optional<String> key();

            /** The {@code model} field of each request. */
            @WithDefault("whisper-1")
            String model();

            /** Time limit of one transcription request. */
            @WithDefault("PT10M")
            java.time.Duration timeout();
        }
    }

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

    Webhooks webhooks();

    Domains domains();

    interface Domains {

        /**
         * The DNS server (host:port) asked for verification TXT records and for the addresses of the HTTP check;
         * empty: the system's resolvers.
         */
        Optional<String> dnsServer();

        /** The port of the HTTP check: http://<hostname>:<port>/.well-known/mediawerk-verification/<token>. */
        @WithDefault("80")
        int httpPort();

        /** Address ranges the HTTP check may connect to although they are private (tests only). */
        Optional<List<String>> allowedNetworks();

        /** How often pending domains are checked. */
        @WithDefault("60s")
        String checkEvery();

        /** How long a domain may stay pending before it fails. */
        @WithDefault("P3D")
        java.time.Duration verifyFor();

        /** Time allowed for one DNS or HTTP check. */
        @WithDefault("PT5S")
        java.time.Duration timeout();

        /** How often each instance reloads the active domains (a domain activated elsewhere counts then). */
        @WithDefault("5s")
        String refreshEvery();

        /** The scheme of source URLs on a custom domain (TLS is the operator's: ingress or CDN). */
        @WithDefault("https")
        String urlScheme();

        @WithDefault("20")
        int maxPerProject();
    }

    interface Webhooks {

        /** Accept http:// webhook URLs (local development and tests only: production receivers use https). */
        @WithDefault("false")
        boolean allowHttp();

        /** Address ranges webhooks may be delivered to although they are private (e.g. 127.0.0.1/32 in tests). */
        Optional<List<String>> allowedNetworks();

        /** A receiver must answer with a 2xx within this time, or the attempt failed. */
        @WithDefault("PT10S")
        java.time.Duration timeout();

        /** Wait before the first retry; each next one waits twice as long (with jitter), up to retry-max-delay. */
        @WithDefault("PT5S")
        java.time.Duration retryFirstDelay();

        /** The longest wait between two attempts. */
        @WithDefault("PT4H")
        java.time.Duration retryMaxDelay();

        /** How long a delivery is retried before it fails for good (at least a day in production). */
        @WithDefault("PT26H")
        java.time.Duration retryFor();

        /** A webhook whose attempts all failed for this long is disabled, with the reason. */
        @WithDefault("P5D")
        java.time.Duration disableAfter();

        /** How long the previous secret keeps signing after a rotation, unless the rotation says otherwise. */
        @WithDefault("PT24H")
        java.time.Duration secretGrace();

        /** Deliveries in flight at once in this dispatcher. */
        @WithDefault("64")
        int maxInFlight();

        /** Deliveries in flight at once to one webhook, so that a slow receiver cannot take every slot. */
        @WithDefault("8")
        int maxInFlightPerWebhook();

        /** How often due retries are looked for (new events are sent at once). */
        @WithDefault("1s")
        String pollEvery();

        /** Deliveries (and their attempts) older than this are deleted. */
        @WithDefault("P30D")
        java.time.Duration keepDeliveries();

        /** Most webhooks one project may have. */
        @WithDefault("50")
        int maxPerProject();
    }

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
