package io.mediawerk.ingest;

import io.mediawerk.api.ApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** What an ingest URL must look like before anything is fetched. */
public final class UrlRules {

    public static final int MAX_LENGTH = 2048;

    private UrlRules() {}

    public static URI parse(String field, String url) {
        if (url == null || url.isBlank()) {
            throw ApiException.invalid(field, "Field '" + field + "' is required: the http(s) URL of the file.");
        }
        if (url.length() > MAX_LENGTH) {
            throw ApiException.invalid(field, field + " must be at most " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw ApiException.invalid(field, field + " is not a valid URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ApiException.invalid(field, field + " must be an http:// or https:// URL.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ApiException.invalid(field, field + " must name a host.");
        }
        return uri;
    }
}
