package io.mediawerk.transform.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How ffmpeg opens the input: with the demuxer of its known format and only the protocols needed to read it, so a
 * file can neither pass for another format (a playlist, a concat list) nor make ffmpeg open other files or hosts.
 *
 * @param argument what follows {@code -i}: the URL, or a {@code file:} URL of the absolute path
 */
record FfmpegInput(String argument, String protocols, List<String> formatOptions, boolean remote) {

    private static final String READ_TIMEOUT_MICROS = "30000000";

    /**
     * @param input an http(s) URL or a local path
     * @param container the input's container, as {@link InputFacts#container()} names it
     */
    static FfmpegInput of(String input, String container) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("No input to read");
        }
        String demuxer = demuxer(container);
        if (demuxer == null) {
            throw new IllegalArgumentException("ffmpeg cannot read the container " + container);
        }
        String lower = input.toLowerCase(Locale.ROOT);
        List<String> format = List.of("-f", demuxer);
        if (lower.startsWith("https://")) {
            return new FfmpegInput(input, "https,tls,tcp", format, true);
        }
        if (lower.startsWith("http://")) {
            return new FfmpegInput(input, "http,tcp", format, true);
        }
        // an explicit file: URL so that a name like "concat:a|b" is never read as anything but a path
        return new FfmpegInput("file:" + Path.of(input).toAbsolutePath().normalize(), "file", format, false);
    }

    /**
     * The first of the PNG files whose names start with {@code prefix} in {@code folder}: heif-convert writes
     * decoded.png for a HEIC file of one image, decoded-1.png, decoded-2.png... for one of several.
     */
    static FfmpegInput firstPng(Path folder, String prefix) {
        String pattern = folder.toAbsolutePath().normalize().resolve(prefix).toString() + "*.png";
        return new FfmpegInput(pattern, "file", List.of("-f", "image2", "-pattern_type", "glob"), false);
    }

    /** The ffmpeg demuxer for a container, or null when ffmpeg cannot read it. */
    static String demuxer(String container) {
        if (container == null) {
            return null;
        }
        return switch (container) {
            case "mp4", "mov", "m4a", "avif" -> "mov";
            case "mkv", "webm" -> "matroska";
            case "hevc" -> "hevc";
            case "jpeg" -> "jpeg_pipe";
            case "png" -> "png_pipe";
            case "gif" -> "gif";
            case "webp" -> "webp_pipe";
            case "mp3", "aac", "wav", "ogg", "flac" -> container;
            default -> null;
        };
    }

    /**
     * The input options and {@code -i}.
     *
     * @param seek seconds to skip, or null
     * @param duration seconds to read, or null for all
     */
    List<String> arguments(Double seek, Double duration) {
        List<String> arguments = new ArrayList<>(List.of("-protocol_whitelist", protocols));
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
        arguments.addAll(formatOptions);
        if (seek != null && seek > 0) {
            arguments.addAll(List.of("-ss", Numbers.text(seek)));
        }
        if (duration != null) {
            arguments.addAll(List.of("-t", Numbers.text(duration)));
        }
        arguments.addAll(List.of("-i", argument));
        return arguments;
    }
}
