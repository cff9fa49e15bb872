package io.mediawerk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Serving files under {@code /files} ({@code mediawerk.delivery.*}); webhook deliveries are {@link WebhookSettings}. */
@ConfigMapping(prefix = "mediawerk.delivery")
public interface FileDeliverySettings {

    /** proxy: Mediawerk streams files itself; redirect: a 302 to a short-lived presigned S3 URL. */
    @WithDefault("proxy")
    String mode();

    /** How long a delivery redirect's presigned URL lives. */
    @WithDefault("PT10M")
    Duration redirectValidity();

    /** How often delivery counters are written to the database. */
    @WithDefault("10s")
    Duration flushEvery();

    /** Count deliveries for analytics (off only to measure what counting costs). */
    @WithDefault("true")
    boolean counting();
}
