package io.mediawerk.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Absolute URLs from the configured public base URL, never from the Host header a caller sends. */
@ApplicationScoped
public class PublicUrls {

    private final String base;

    /** @param configured the absolute base URL clients reach the API at ({@code MEDIAWERK_PUBLIC_BASE_URL}) */
    public PublicUrls(@ConfigProperty(name = "mediawerk.public-base-url") String configured) {
        this.base = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    /** The host of the public base URL: the API's own, which no custom domain may take. */
    public String host() {
        return java.net.URI.create(base).getHost();
    }

    public String of(String pathAndQuery) {
        if (pathAndQuery == null) {
            return null;
        }
        return base + (pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery);
    }
}
