package io.mediawerk.api;

import java.util.List;

/** The dated API versions this server speaks; a request without a version header gets the newest. */
public final class ApiVersions {

    public static final String HEADER = "Ittybit-Version";
    public static final String ALTERNATE_HEADER = "Accept-Version";
    public static final String LATEST = "2024-08-21";
    public static final List<String> SUPPORTED = List.of("2024-03-21", LATEST);

    private ApiVersions() {}

    /** The version to answer with, or a 400 that lists the versions there are. */
    public static String resolve(String header, String alternate) {
        String asked = header != null && !header.isBlank()
                ? header.trim()
                : alternate != null && !alternate.isBlank() ? alternate.trim() : null;
        if (asked == null) {
            return LATEST;
        }
        if (!SUPPORTED.contains(asked)) {
            throw ApiException.badRequest(
                    "unsupported_version",
                    "API version '" + asked
                            + "' does not exist. Supported versions: " + String.join(", ", SUPPORTED)
                            + " (send one in the " + HEADER + " header, or none for the newest).",
                    HEADER);
        }
        return asked;
    }
}
