package io.mediawerk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Intelligence tasks and their model providers ({@code mediawerk.intelligence.*}). */
@ConfigMapping(prefix = "mediawerk.intelligence")
public interface IntelligenceSettings {

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
        Duration timeout();
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
        Duration timeout();
    }
}
