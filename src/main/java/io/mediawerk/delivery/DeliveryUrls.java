package io.mediawerk.delivery;

import io.mediawerk.api.PublicUrls;
import io.mediawerk.source.Source;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where a source is delivered: {@code /files/<source id>.<extension>}, or {@code /files/<source id>/<file>} for a
 * source of several files (so that an HLS playlist's relative links resolve); ids only, nothing a user named.
 */
@ApplicationScoped
public class DeliveryUrls {

    public static final String PREFIX = "/files/";

    private final PublicUrls urls;

    public DeliveryUrls(PublicUrls urls) {
        this.urls = urls;
    }

    public String of(Source source) {
        if (source.files != null) {
            return urls.of(PREFIX + source.id + "/" + source.mainFile);
        }
        return urls.of(PREFIX + source.id + (source.extension == null ? "" : "." + source.extension));
    }
}
