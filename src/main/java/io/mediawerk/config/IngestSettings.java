package io.mediawerk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Taking files in, by URL or upload: sizes, time limits, allowed networks ({@code mediawerk.ingest.*}). */
@ConfigMapping(prefix = "mediawerk.ingest")
public interface IngestSettings {

    /** Address ranges ingest may fetch from although they are private (e.g. 127.0.0.1/32 in tests). */
    Optional<List<String>> allowedNetworks();

    /** Largest file accepted, by ingest or upload, in bytes. */
    @WithDefault("10737418240")
    long maxBytes();

    /** Time limit of one ingest (download and probe). */
    @WithDefault("PT30M")
    Duration timeout();

    /** Time limit of the connection and of each silence while downloading. */
    @WithDefault("PT30S")
    Duration idleTimeout();

    /** Redirects followed, each checked like the first URL. */
    @WithDefault("5")
    int maxRedirects();

    /** Largest image accepted, in megapixels (decompression bombs are refused). */
    @WithDefault("200")
    int maxMegapixels();

    /** Time limit of probing one file with ffprobe. */
    @WithDefault("PT60S")
    Duration probeTimeout();
}
