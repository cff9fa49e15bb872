package io.mediawerk.transform.plan;

import io.mediawerk.api.ApiException;
import java.util.Locale;

/** Background colours: "#rgb" or "#rrggbb", stored as "#rrggbb" in lower case. */
final class Colors {

    static final String WHITE = "#ffffff";

    private Colors() {}

    static String normalise(String name, String given) {
        String color = given.strip().toLowerCase(Locale.ROOT);
        if (color.matches("#[0-9a-f]{3}")) {
            return "#" + twice(color.charAt(1)) + twice(color.charAt(2)) + twice(color.charAt(3));
        }
        if (color.matches("#[0-9a-f]{6}")) {
            return color;
        }
        throw ApiException.invalid(
                name,
                name + " must be a hex colour such as \"#ffffff\" or \"#fff\"; got \""
                        + (given.length() > 20 ? given.substring(0, 19) + "…" : given) + "\".");
    }

    private static String twice(char digit) {
        return "" + digit + digit;
    }

    /** The colour as ffmpeg's colour syntax writes it. */
    static String ffmpeg(String normalised) {
        return "0x" + normalised.substring(1);
    }
}
