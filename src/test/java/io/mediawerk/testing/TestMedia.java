package io.mediawerk.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Small media files made at test time with ffmpeg's lavfi sources (and heif-enc for HEIC), cached per run. */
public final class TestMedia {

    /** Debian's fonts-dejavu-core, for text drawn into test media. */
    public static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    private static final Path DIR = Path.of("target", "test-media");
    private static final Map<String, Path> CACHE = new ConcurrentHashMap<>();

    private static final String VIDEO = "testsrc2=size=160x120:rate=25:duration=2";
    private static final String TONE = "sine=frequency=440:sample_rate=48000:duration=2";

    private TestMedia() {}

    /** A file of the given kind: mp4, mov, mkv, webm, hevc, jpeg, png, gif, webp, heic, mp3, m4a, aac, wav, ogg, flac. */
    public static Path file(String format) {
        return CACHE.computeIfAbsent(format, TestMedia::make);
    }

    public static byte[] bytes(String format) {
        try {
            return Files.readAllBytes(file(format));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stereo WAV of about {@code seconds} * 192 KB, for chunked uploads. */
    public static Path longWav(int seconds) {
        return CACHE.computeIfAbsent(
                "wav" + seconds,
                k -> ffmpeg(
                        k + ".wav",
                        List.of(
                                "-f",
                                "lavfi",
                                "-i",
                                "sine=frequency=300:sample_rate=48000:duration=" + seconds,
                                "-ac",
                                "2",
                                "-c:a",
                                "pcm_s16le")));
    }

    /** An H.264/AAC MP4 of the given picture size and length, with a moving test pattern and a tone. */
    public static Path video(int width, int height, int seconds) {
        String name = "video-" + width + "x" + height + "-" + seconds + "s.mp4";
        return CACHE.computeIfAbsent(
                name,
                k -> ffmpeg(
                        k,
                        List.of(
                                "-f",
                                "lavfi",
                                "-i",
                                "testsrc2=size=" + width + "x" + height + ":rate=25:duration=" + seconds,
                                "-f",
                                "lavfi",
                                "-i",
                                "sine=frequency=440:sample_rate=48000" + ":duration=" + seconds,
                                "-c:v",
                                "libx264",
                                "-preset",
                                "ultrafast",
                                "-pix_fmt",
                                "yuv420p",
                                "-c:a",
                                "aac",
                                "-b:a",
                                "64k",
                                "-shortest")));
    }

    /** Two 3 s scenes of white with black text ("FIRST SCENE", then "SECOND SCENE" between black bands), no audio. */
    public static Path textVideo() {
        return custom(
                "text-video.mp4",
                List.of(
                        "-f",
                        "lavfi",
                        "-i",
                        "color=c=white:s=640x360:r=25:d=3",
                        "-f",
                        "lavfi",
                        "-i",
                        "color=c=white:s=640x360:r=25:d=3",
                        "-filter_complex",
                        "[0]drawtext=fontfile=" + FONT
                                + ":text='FIRST SCENE':fontsize=56:fontcolor=black:x=40:y=150[a];"
                                // black bands over two thirds of the frame make the cut a scene change
                                + "[1]drawbox=x=0:y=0:w=640:h=110:color=black:t=fill,drawbox=x=0:y=250:w=640:h=110"
                                + ":color=black:t=fill,drawtext=fontfile=" + FONT + ":text='SECOND SCENE':fontsize=56"
                                + ":fontcolor=black:x=40:y=150[b];[a][b]concat=n=2:v=1:a=0",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "ultrafast",
                        "-pix_fmt",
                        "yuv420p"));
    }

    /** A file made once per run by ffmpeg with these input and output arguments, e.g. for known scene cuts. */
    public static Path custom(String fileName, List<String> ffmpegArguments) {
        return CACHE.computeIfAbsent(fileName, k -> ffmpeg(k, ffmpegArguments));
    }

    /** As {@link #custom(String, List)}, the arguments in one line, separated by spaces (none may hold a space). */
    public static Path custom(String fileName, String ffmpegArguments) {
        return custom(fileName, List.of(ffmpegArguments.trim().split("\\s+")));
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path make(String format) {
        return switch (format) {
            case "mp4" ->
                ffmpeg(
                        "clip.mp4",
                        av(
                                "-c:v",
                                "libx264",
                                "-preset",
                                "ultrafast",
                                "-pix_fmt",
                                "yuv420p",
                                "-c:a",
                                "aac",
                                "-movflags",
                                "+faststart"));
            case "mov" ->
                ffmpeg("clip.mov", av("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"));
            case "mkv" -> ffmpeg("clip.mkv", av("-c:v", "libx264", "-preset", "ultrafast", "-c:a", "libopus"));
            case "webm" ->
                ffmpeg(
                        "clip.webm",
                        av(
                                "-c:v",
                                "libvpx-vp9",
                                "-deadline",
                                "realtime",
                                "-cpu-used",
                                "8",
                                "-b:v",
                                "200k",
                                "-c:a",
                                "libopus"));
            case "hevc" ->
                ffmpeg(
                        "clip.hevc",
                        List.of(
                                "-f",
                                "lavfi",
                                "-i",
                                VIDEO,
                                "-c:v",
                                "libx265",
                                "-preset",
                                "ultrafast",
                                "-x265-params",
                                "log-level=error",
                                "-f",
                                "hevc"));
            case "jpeg" -> ffmpeg("still.jpg", image("-frames:v", "1"));
            case "png" -> ffmpeg("still.png", image("-frames:v", "1"));
            case "gif" -> ffmpeg("anim.gif", List.of("-f", "lavfi", "-i", "testsrc2=size=80x60:rate=5:duration=1"));
            case "webp" -> ffmpeg("still.webp", image("-frames:v", "1", "-c:v", "libwebp"));
            case "heic" -> heic();
            case "mp3" -> ffmpeg("tone.mp3", tone("-c:a", "libmp3lame", "-b:a", "64k"));
            case "m4a" -> ffmpeg("tone.m4a", tone("-c:a", "aac", "-b:a", "64k"));
            case "aac" -> ffmpeg("tone.aac", tone("-c:a", "aac", "-b:a", "64k", "-f", "adts"));
            case "wav" -> ffmpeg("tone.wav", tone("-c:a", "pcm_s16le"));
            case "ogg" -> ffmpeg("tone.ogg", tone("-c:a", "libopus", "-b:a", "48k"));
            case "flac" -> ffmpeg("tone.flac", tone("-c:a", "flac"));
            default -> throw new IllegalArgumentException("No test media of format " + format);
        };
    }

    private static List<String> av(String... codec) {
        List<String> args =
                new ArrayList<>(List.of("-f", "lavfi", "-i", VIDEO, "-f", "lavfi", "-i", TONE, "-shortest"));
        args.addAll(List.of(codec));
        return args;
    }

    private static List<String> image(String... args) {
        List<String> all = new ArrayList<>(List.of("-f", "lavfi", "-i", "testsrc2=size=320x240"));
        all.addAll(List.of(args));
        return all;
    }

    private static List<String> tone(String... codec) {
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", TONE));
        args.addAll(List.of(codec));
        return args;
    }

    private static Path heic() {
        Path png = file("png");
        Path out = DIR.resolve("still.heic");
        run(List.of("heif-enc", "-q", "50", "-o", out.toString(), png.toString()));
        return out;
    }

    private static Path ffmpeg(String name, List<String> args) {
        Path out = DIR.resolve(name);
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(args);
        command.add(out.toString());
        run(command);
        return out;
    }

    private static void run(List<String> command) {
        try {
            Files.createDirectories(DIR);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("Making test media failed: " + String.join(" ", command));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Making test media needs ffmpeg and heif-enc: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
