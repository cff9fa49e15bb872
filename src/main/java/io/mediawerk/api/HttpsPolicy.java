package io.mediawerk.api;

import io.mediawerk.config.HttpSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The seed's rule that API calls must use HTTPS. Behind a TLS-terminating proxy the connection is plain, so
 * {@code X-Forwarded-Proto} decides, but only when it comes from a configured proxy.
 */
@ApplicationScoped
public class HttpsPolicy {

    private final boolean required;
    private final List<AddressRange> trustedProxies;

    @Inject
    public HttpsPolicy(HttpSettings httpSettings) {
        this(httpSettings.requireHttps(), httpSettings.trustedProxies().orElse(List.of()));
    }

    HttpsPolicy(boolean required, List<String> trustedProxies) {
        this.required = required;
        this.trustedProxies = trustedProxies.stream().map(AddressRange::parse).toList();
    }

    public boolean allows(boolean tls, String remoteAddress, String forwardedProto) {
        if (!required || tls) {
            return true;
        }
        return forwardedProto != null
                && "https".equalsIgnoreCase(firstValue(forwardedProto))
                && trustedProxies.stream().anyMatch(range -> range.contains(remoteAddress));
    }

    private static String firstValue(String header) {
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).trim();
    }
}
