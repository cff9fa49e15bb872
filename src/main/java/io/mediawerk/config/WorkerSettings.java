package io.mediawerk.config;

import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The settings of the worker role: transforms and intelligence (part of {@link MediawerkConfig}). */
public interface WorkerSettings {

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
}
