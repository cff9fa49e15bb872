package io.mediawerk.media.probe;

import java.util.Locale;
import java.util.regex.Pattern;

/** Turns what ffprobe wrote on standard error into a short reason fit for a user: no paths, no URLs, no addresses. */
final class FfprobeErrors {

    private static final int MAX_REASON = 160;
    private static final Pattern CONTEXT = Pattern.compile("^\\[[^\\]]*@ ?(0x)?[0-9a-fA-F]+\\]\\s*");
    private static final Pattern URL = Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://\\S*");
    private static final Pattern PATH = Pattern.compile("(?<![\\w.])(file:)?/[^\\s:,;]*");
    private static final String[] READ_FAILURES = {
        "no such file or directory",
        "connection refused",
        "connection timed out",
        "server returned",
        "failed to resolve",
        "network is unreachable",
        "permission denied",
        "http error",
        "[tcp @",
        "[tls @",
        "[http @",
        "[https @"
    };

    private FfprobeErrors() {}

    /**
     * The first line a demuxer or decoder wrote (they say what is wrong; the last line only repeats the input name),
     * else the first line, with {@code input} and anything like a location removed.
     */
    static String reason(String stderr, String input) {
        if (stderr == null) {
            return "";
        }
        String first = "";
        for (String line : stderr.split("\\R")) {
            String cleaned = clean(line, input);
            if (cleaned.isEmpty()) {
                continue;
            }
            if (CONTEXT.matcher(line.strip()).find()) {
                return shorten(cleaned);
            }
            if (first.isEmpty()) {
                first = cleaned;
            }
        }
        return shorten(first);
    }

    private static String shorten(String reason) {
        String text = reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON - 1) + "…" : text;
    }

    /** Whether ffprobe failed to reach the file rather than to understand it. */
    static boolean isReadFailure(String stderr) {
        String lower = stderr == null ? "" : stderr.toLowerCase(Locale.ROOT);
        for (String failure : READ_FAILURES) {
            if (lower.contains(failure)) {
                return true;
            }
        }
        return false;
    }

    private static String clean(String line, String input) {
        String text = line.strip();
        if (input != null && !input.isEmpty()) {
            text = text.replace(input + ": ", "").replace(input, "");
        }
        text = CONTEXT.matcher(text).replaceFirst("");
        text = URL.matcher(text).replaceAll("(address hidden)");
        text = PATH.matcher(text).replaceAll("(path hidden)");
        text = text.replaceFirst("^\\(\\w+ hidden\\):\\s*", "");
        return text.replaceAll("\\s+", " ").strip();
    }
}
