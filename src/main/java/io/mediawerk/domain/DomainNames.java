package io.mediawerk.domain;

import io.mediawerk.api.ApiException;
import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a custom domain's hostname may be: a real DNS name (IDN in its ASCII form), not an address, not ours. */
final class DomainNames {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern NUMERIC = Pattern.compile("[0-9]+");

    private DomainNames() {}

    /** The hostname in the form it is stored and matched in: lowercase ASCII, no trailing dot. */
    static String normalise(String given, String apiHost) {
        if (given == null || given.isBlank()) {
            throw invalid("Field 'hostname' is required: a DNS name such as media.example.com.");
        }
        String host = given.strip();
        if (host.contains("://") || host.contains("/") || host.contains(":") && !host.contains("[")) {
            throw invalid("hostname is a name only, such as media.example.com: no scheme, port or path.");
        }
        if (host.startsWith("[") || host.contains(":")) {
            throw invalid("hostname must be a DNS name, not an IP address.");
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        try {
            host = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid("'" + given + "' is not a valid DNS name: " + e.getMessage());
        }
        String[] labels = host.split("\\.", -1);
        if (host.length() > 253 || labels.length < 2) {
            throw invalid("hostname must be a full DNS name of at most 253 characters with a domain, such as "
                    + "media.example.com.");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid("'" + label + "' in '" + given + "' is not a DNS label: 1 to 63 letters, digits or "
                        + "hyphens, not starting or ending with a hyphen.");
            }
        }
        if (NUMERIC.matcher(labels[labels.length - 1]).matches()) {
            throw invalid("hostname must be a DNS name, not an IP address.");
        }
        if (host.equals(apiHost) || "localhost".equals(labels[labels.length - 1])) {
            throw invalid("'" + host + "' is this Mediawerk's own host; a custom domain is another name that "
                    + "points at it.");
        }
        return host;
    }

    private static ApiException invalid(String message) {
        return ApiException.invalid("hostname", message);
    }
}
