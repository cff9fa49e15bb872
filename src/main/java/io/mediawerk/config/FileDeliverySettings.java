package io.mediawerk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalInt;

/** Serving files under {@code /files} ({@code mediawerk.delivery.*}); webhook deliveries are {@link WebhookSettings}. */
@ConfigMapping(prefix = "mediawerk.delivery")
public interface FileDeliverySettings {

    /** proxy: Mediawerk streams files itself; redirect: a 302 to a short-lived presigned S3 URL. */
    @WithDefault("proxy")
    String mode();

    /** How long a delivery redirect's presigned URL lives. */
    @WithDefault("PT10M")
    Duration redirectValidity();

    /**
     * Heap for the bytes of small files that cannot change, in MiB: popular ones are then answered without S3. 0
     * keeps none. Default: a sixteenth of the maximum heap (-Xmx), at most 32.
     */
    OptionalInt memoryMib();

    /** The largest file kept in that memory, in KiB. */
    @WithDefault("64")
    int memoryFileMaxKib();

    /** How often delivery counters are written to the database. */
    @WithDefault("10s")
    Duration flushEvery();

    /** Count deliveries for analytics (off only to measure what counting costs). */
    @WithDefault("true")
    boolean counting();
}
