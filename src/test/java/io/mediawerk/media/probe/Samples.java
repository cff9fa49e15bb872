package io.mediawerk.media.probe;

import io.mediawerk.ffmpeg.ProcessResult;
import io.mediawerk.ffmpeg.ProcessRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Tiny media files made on demand with ffmpeg's lavfi sources and heif-enc; nothing is downloaded or committed. */
final class Samples {

    private static final List<String> VIDEO = List.of("-f", "lavfi", "-i", "testsrc=size=64x48:rate=25:duration=1");
    private static final List<String> AUDIO = List.of("-f", "lavfi", "-i", "sine=frequency=440:duration=1");
    private static final List<String> BIG_VIDEO =
            List.of("-f", "lavfi", "-i", "testsrc=size=160x120:rate=25:duration=1");
    private static final Map<String, List<String>> FFMPEG = Map.ofEntries(
            Map.entry("video.mp4", args(VIDEO, AUDIO, "-c:v", "libx264", "-c:a", "aac", "-shortest")),
            Map.entry("video.mov", args(VIDEO, AUDIO, "-c:v", "libx264", "-c:a", "aac", "-shortest", "-f", "mov")),
            Map.entry("video.mkv", args(VIDEO, AUDIO, "-c:v", "libx264", "-c:a", "aac", "-shortest")),
            Map.entry(
                    "video.webm",
                    args(VIDEO, AUDIO, "-c:v", "libvpx-vp9", "-deadline", "realtime", "-c:a", "libopus", "-shortest")),
            Map.entry(
                    "video.hevc",
                    args(VIDEO, List.of(), "-c:v", "libx265", "-x265-params", "log-level=error", "-f", "hevc")),
            Map.entry("image.jpg", args(VIDEO, List.of(), "-frames:v", "1")),
            Map.entry("image.png", args(VIDEO, List.of(), "-frames:v", "1")),
            Map.entry("big.png", args(BIG_VIDEO, List.of(), "-frames:v", "1")),
            Map.entry("animated.gif", args(VIDEO, List.of(), "-t", "0.5")),
            Map.entry("image.webp", args(VIDEO, List.of(), "-frames:v", "1", "-c:v", "libwebp")),
            Map.entry("lossless.webp", args(VIDEO, List.of(), "-frames:v", "1", "-c:v", "libwebp", "-lossless", "1")),
            Map.entry("animated.webp", args(VIDEO, List.of(), "-t", "0.5", "-c:v", "libwebp", "-loop", "0")),
            Map.entry("audio.mp3", args(AUDIO, List.of(), "-c:a", "libmp3lame")),
            Map.entry(
                    "bare.mp3",
                    args(AUDIO, List.of(), "-c:a", "libmp3lame", "-id3v2_version", "0", "-write_xing", "0")),
            Map.entry("audio.aac", args(AUDIO, List.of(), "-c:a", "aac", "-f", "adts")),
            Map.entry("audio.m4a", args(AUDIO, List.of(), "-c:a", "aac")),
            Map.entry("audio.wav", args(AUDIO, List.of())),
            Map.entry("opus.ogg", args(AUDIO, List.of(), "-c:a", "libopus")),
            Map.entry("vorbis.ogg", args(AUDIO, List.of(), "-c:a", "libvorbis")),
            Map.entry("audio.flac", args(AUDIO, List.of())),
            Map.entry("audio-only.mp4", args(AUDIO, List.of(), "-c:a", "aac", "-f", "mp4")),
            Map.entry("audio-only.webm", args(AUDIO, List.of(), "-c:a", "libopus", "-f", "webm")));

    private final Path dir;

    Samples(Path dir) {
        this.dir = dir;
    }

    /** The sample of this name, made the first time it is asked for. */
    synchronized Path get(String name) {
        Path file = dir.resolve(name);
        if (Files.exists(file)) {
            return file;
        }
        switch (name) {
            case "cover.mp3" ->
                ffmpeg(
                        file,
                        args(
                                AUDIO,
                                List.of("-i", get("image.png").toString()),
                                "-map",
                                "0",
                                "-map",
                                "1",
                                "-c:a",
                                "libmp3lame",
                                "-c:v",
                                "copy",
                                "-disposition:v",
                                "attached_pic",
                                "-id3v2_version",
                                "3"));
            case "rotated.mp4" ->
                ffmpeg(file, List.of("-i", get("video.mp4").toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90"));
            case "image.heic" ->
                run(List.of("heif-enc", "-q", "50", get("image.png").toString(), "-o", file.toString()));
            case "thumbnailed.heic" ->
                run(List.of("heif-enc", "-q", "50", "-t", "32", get("big.png").toString(), "-o", file.toString()));
            case "image.avif" ->
                run(List.of("heif-enc", "-A", "-q", "50", get("image.png").toString(), "-o", file.toString()));
            case "png-named.mp4" -> copy(get("image.png"), file);
            case "truncated.mp4" -> truncate(get("video.mp4"), file, 0.3);
            case "empty.mp4" -> write(file, new byte[0]);
            case "garbage.mp4" -> write(file, garbage(5000));
            default -> {
                List<String> recipe = FFMPEG.get(name);
                if (recipe == null) {
                    throw new IllegalArgumentException("No recipe for sample " + name);
                }
                ffmpeg(file, recipe);
            }
        }
        return file;
    }

    byte[] head(String name) {
        try {
            return Sniffer.readHead(get(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes that open like no media format: text, then a fixed pseudo-random tail. */
    static byte[] garbage(int size) {
        byte[] bytes = new byte[size];
        Random random = new Random(42);
        random.nextBytes(bytes);
        byte[] text = "This is not a media file.\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, bytes, 0, Math.min(text.length, size));
        return bytes;
    }

    private static void truncate(Path source, Path target, double fraction) {
        try {
            byte[] bytes = Files.readAllBytes(source);
            write(target, Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path source, Path target) {
        try {
            Files.copy(source, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path target, byte[] bytes) {
        try {
            Files.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ffmpeg(Path output, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-v", "error", "-y"));
        command.addAll(arguments);
        command.add(output.toString());
        run(command);
    }

    private static void run(List<String> command) {
        ProcessResult result = ProcessRunner.run(command, Duration.ofSeconds(120), 1 << 20);
        if (!result.succeeded()) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + result.stderrTail());
        }
    }

    private static List<String> args(List<String> first, List<String> second, String... rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        all.addAll(List.of(rest));
        return all;
    }
}
