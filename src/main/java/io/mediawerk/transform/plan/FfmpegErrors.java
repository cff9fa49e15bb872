package io.mediawerk.transform.plan;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks from the end of what ffmpeg wrote on stderr the one line a user can act on, in words fit to show: without
 * the "[mov,mp4,... @ 0x55d...]" prefixes, and with every URL and {@code file:} path replaced by "input" and every
 * other absolute path by "output" (plans read from URLs or {@code file:} paths and write to plain paths).
 */
public final class FfmpegErrors {

    static final int MAX_LENGTH = 200;
    static final String FALLBACK = "ffmpeg could not process the input and gave no reason.";

    private static final Pattern CONTEXT = Pattern.compile("^\\[[^\\]]*@ ?(0x)?[0-9a-fA-F]+\\]\\s*");
    /** Encoder libraries that log on their own: "Svt[error]: ", "x265 [error]: ". */
    private static final Pattern LIBRARY_LOG =
            Pattern.compile("^(svt|x265|x264)\\s?\\[(\\w+)\\]:?\\s*(instance \\d+: )?", Pattern.CASE_INSENSITIVE);

    private static final Pattern DECODING_STREAM = Pattern.compile("^Error while decoding stream #\\d+:\\d+:\\s*");
    private static final Pattern PROGRESS = Pattern.compile("^[a-z_]+=\\S*$");
    private static final Pattern URL = Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s'\"]*");
    private static final Pattern FILE_URL = Pattern.compile("\\bfile:[^\\s'\"]*");
    private static final Pattern PATH = Pattern.compile("(?<![\\w.:/~-])/[^\\s'\",;]*");

    /** Lines that only say that something failed: the last resort. */
    private static final List<String> GENERIC = List.of(
            "conversion failed",
            "error while processing the decoded data",
            "error marking filters as finished",
            "error opening filters",
            "error reinitializing filters",
            "failed to inject frame into filter network",
            "error while filtering",
            "error initializing output stream",
            "nothing was written into output file",
            "error opening output file",
            "could not write header for output",
            "cannot determine format of input stream",
            "exiting normally",
            "error closing file",
            "task finished with error code",
            "terminating thread with return code",
            "finishing stream without any data written to it",
            "error setting encoder parameters");
    /** Lines that say what is wrong. */
    private static final List<String> SPECIFIC = List.of(
            "moov atom not found",
            "invalid data found",
            "no such file or directory",
            "server returned",
            "connection refused",
            "timed out",
            "failed to resolve",
            "network is unreachable",
            "end of file",
            "partial file",
            "truncat",
            "not found",
            "unknown decoder",
            "does not contain any stream",
            "matches no streams",
            "too small",
            "too large",
            "must be at least",
            "not divisible by",
            "invalid nal unit",
            "error splitting the input",
            "header missing",
            "invalid frame dimensions",
            "corrupt",
            "no space left on device",
            "permission denied",
            "not supported",
            "unsupported",
            "could not find codec parameters",
            "cannot allocate memory",
            "out of memory");

    private FfmpegErrors() {}

    /**
     * @param stderrTail the last lines ffmpeg wrote on stderr
     * @return one line of at most 200 characters, or a short sentence saying ffmpeg gave no reason
     */
    public static String relevantLine(String stderrTail) {
        if (stderrTail == null) {
            return FALLBACK;
        }
        String best = null;
        int bestScore = -1;
        for (String raw : stderrTail.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || PROGRESS.matcher(line).matches() || isLibraryChatter(line)) {
                continue;
            }
            boolean attributed =
                    CONTEXT.matcher(line).find() || LIBRARY_LOG.matcher(line).find();
            String cleaned = clean(line);
            if (cleaned.isEmpty()) {
                continue;
            }
            int score = score(cleaned, attributed);
            if (score > bestScore) {
                best = cleaned;
                bestScore = score;
            }
        }
        return best == null ? FALLBACK : shorten(explain(best));
    }

    /** Encoder libraries' own information and warnings. */
    private static boolean isLibraryChatter(String line) {
        Matcher log = LIBRARY_LOG.matcher(line);
        return log.find() && !log.group(2).toLowerCase(Locale.ROOT).startsWith("err");
    }

    private static int score(String line, boolean attributed) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (GENERIC.stream().anyMatch(lower::contains)) {
            return 0;
        }
        int score = SPECIFIC.stream().anyMatch(lower::contains) ? 3 : 1;
        return attributed ? score + 1 : score;
    }

    /** Words for the few messages that mean little to a user as ffmpeg says them. */
    private static String explain(String line) {
        if (line.toLowerCase(Locale.ROOT).contains("image data not found")) {
            return "The WebP image could not be decoded (animated WebP input is not supported).";
        }
        return line;
    }

    static String clean(String line) {
        String text = CONTEXT.matcher(line).replaceFirst("");
        text = LIBRARY_LOG.matcher(text).replaceFirst("");
        text = DECODING_STREAM.matcher(text).replaceFirst("");
        text = replaceKeepingColon(URL, text, "input");
        text = replaceKeepingColon(FILE_URL, text, "input");
        text = replaceKeepingColon(PATH, text, "output");
        text = text.replaceFirst("^input:\\s*(?=\\S)", "");
        return text.replaceAll("\\s+", " ").strip();
    }

    /** ffmpeg writes "location: message"; the colon belongs to the sentence, not to the location. */
    private static String replaceKeepingColon(Pattern pattern, String text, String replacement) {
        return pattern.matcher(text)
                .replaceAll(match -> match.group().endsWith(":")
                        ? Matcher.quoteReplacement(replacement + ":")
                        : Matcher.quoteReplacement(replacement));
    }

    private static String shorten(String line) {
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH - 1) + "…" : line;
    }
}
