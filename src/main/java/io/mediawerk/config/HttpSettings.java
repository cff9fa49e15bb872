package io.mediawerk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** The API's HTTP rules: HTTPS, trusted proxies, the JSON body limit ({@code mediawerk.http.*}). */
@ConfigMapping(prefix = "mediawerk.http")
public interface HttpSettings {

    /** Refuse plain-HTTP API calls with 403 (TLS directly, or X-Forwarded-Proto from a trusted proxy). */
    @WithDefault("true")
    boolean requireHttps();

    /** Addresses or CIDR ranges of proxies whose X-Forwarded-Proto header is trusted. */
    Optional<List<String>> trustedProxies();

    /** Largest JSON request body accepted, in bytes. */
    @WithDefault("1048576")
    long maxJsonBodyBytes();
}
