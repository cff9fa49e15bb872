package io.mediawerk.intelligence.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How ffmpeg opens the input of an analysis: with only the protocols needed to read it and only the demuxers of the
 * containers Mediawerk ingests, so that a file can neither pass for a playlist or a concat list nor make ffmpeg open
 * other files or hosts.
 *
 * @param original the path or URL the caller gave, which can hold a credential
 * @param argument what follows {@code -i}: the URL, or a {@code file:} URL of the absolute path
 */
record AnalysisInput(String original, String argument, String protocols, boolean remote) {

    /** The demuxers of the containers Mediawerk ingests (as in transform.plan.FfmpegInput), by their ffmpeg names. */
    static final String DEMUXERS = "mov,matroska,hevc,mp3,aac,wav,ogg,flac,gif";

    private static final String READ_TIMEOUT_MICROS = "30000000";

    static AnalysisInput of(String input) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("No input to analyse");
        }
        String lower = input.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://")) {
            return new AnalysisInput(input, input, "https,tls,tcp", true);
        }
        if (lower.startsWith("http://")) {
            return new AnalysisInput(input, input, "http,tcp", true);
        }
        // an explicit file: URL so that a name like "concat:a|b" or "-" is never read as anything but a path
        return new AnalysisInput(
                input, "file:" + Path.of(input).toAbsolutePath().normalize(), "file", false);
    }

    /**
     * The input options and {@code -i}.
     *
     * @param seekSeconds where to start reading; 0 for the start
     */
    List<String> arguments(double seekSeconds) {
        List<String> arguments =
                new ArrayList<>(List.of("-protocol_whitelist", protocols, "-format_whitelist", DEMUXERS));
        if (remote) {
            arguments.addAll(List.of(
                    "-rw_timeout",
                    READ_TIMEOUT_MICROS,
                    "-reconnect",
                    "1",
                    "-reconnect_on_network_error",
                    "1",
                    "-reconnect_delay_max",
                    "10"));
        }
        if (seekSeconds > 0) {
            arguments.addAll(List.of("-ss", FfmpegNumbers.text(seekSeconds)));
        }
        arguments.addAll(List.of("-i", argument));
        return arguments;
    }

    /** The text with every mention of the input replaced by "input". */
    String hide(String text) {
        return text == null ? "" : text.replace(original, "input").replace(argument, "input");
    }
}
