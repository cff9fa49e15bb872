package io.mediawerk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The instance's signing secret ({@code mediawerk.signing.*}). */
@ConfigMapping(prefix = "mediawerk.signing")
public interface SigningSettings {

    /**
     * The secret that signs upload URLs and file URLs and encrypts webhook secrets at rest: at least 32 characters,
     * the same on every instance ({@code MEDIAWERK_SIGNING_SECRET}; the deprecated
     * {@code MEDIAWERK_UPLOADS_SIGNING_SECRET} still works when this is not set).
     */
    @WithDefault("${mediawerk.uploads.signing-secret}")
    String secret();
}
