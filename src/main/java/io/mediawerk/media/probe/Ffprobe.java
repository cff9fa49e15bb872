package io.mediawerk.media.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.ffmpeg.ProcessResult;
import io.mediawerk.ffmpeg.ProcessRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Probes a media file with ffprobe. The demuxer is forced to the one of the sniffed format and only the protocols
 * needed to read the input are allowed, so a file can neither pass for another format nor make ffprobe open other
 * files or addresses.
 */
public final class Ffprobe {

    static final long MAX_OUTPUT_BYTES = 4L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String executable;

    public Ffprobe() {
        this("ffprobe");
    }

    public Ffprobe(String executable) {
        this.executable = executable;
    }

    /**
     * @param input a local path or an http(s) URL, such as a presigned URL of the object
     * @param sniffed the format {@link Sniffer} found; HEIC cannot be probed here (see {@link IsoBmff})
     * @return what the file holds; an animated WebP comes back without a size, which {@link MediaProbe} reads from
     *     the file's header
     * @throws ProbeException when the file cannot be read, with a code and a message for the user
     */
    public ProbeResult probe(String input, MediaFormat sniffed, Duration timeout) {
        if (sniffed == null) {
            throw ProbeException.unsupportedFormat();
        }
        if (sniffed == MediaFormat.HEIC) {
            throw new IllegalArgumentException("ffprobe 5.1 cannot read HEIC; measure it with IsoBmff.heifImageSize");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Source source = Source.of(input);
        List<String> command = command(source, sniffed);
        command.addAll(List.of("-print_format", "json", "-show_format", "-show_streams", "-i", source.argument()));
        ProcessResult result = ProcessRunner.run(command, timeout, MAX_OUTPUT_BYTES);
        if (result.timedOut()) {
            throw ProbeException.timeout(sniffed, Math.max(1, timeout.toSeconds()));
        }
        if (result.exitCode() != 0) {
            String reason = FfprobeErrors.reason(result.stderrTail(), source.argument());
            if (FfprobeErrors.isReadFailure(result.stderrTail())) {
                throw ProbeException.unreadable(reason);
            }
            throw ProbeException.corrupt(sniffed, reason);
        }
        if (result.stdoutTruncated()) {
            throw ProbeException.corrupt(sniffed, "it describes more streams than Mediawerk reads");
        }
        JsonNode root = parse(result.stdout(), sniffed);
        if (sniffed == MediaFormat.HEVC && !root.path("format").has("duration")) {
            countFrames(source, Duration.ofNanos(deadline - System.nanoTime()), root);
        }
        ProbeResult probed = FfprobeOutput.toResult(root, sniffed);
        // ffprobe 5.1 sizes animated WebP as 0×0, so a missing WebP size is left to WebpHeader
        if (MediaKind.IMAGE.equals(probed.kind()) && probed.width() == null && sniffed != MediaFormat.WEBP) {
            String reason = FfprobeErrors.reason(result.stderrTail(), source.argument());
            throw ProbeException.corrupt(sniffed, reason.isEmpty() ? "its picture size is missing" : reason);
        }
        return probed;
    }

    private List<String> command(Source source, MediaFormat format) {
        return new ArrayList<>(List.of(
                executable,
                "-hide_banner",
                "-v",
                "error",
                "-protocol_whitelist",
                source.protocols(),
                "-f",
                demuxer(format)));
    }

    /**
     * A raw HEVC stream tells no duration; counting its frames means reading all of it, so this gets only the time
     * left and the duration stays unknown when that is not enough.
     */
    private void countFrames(Source source, Duration left, JsonNode root) {
        if (left.isNegative() || left.isZero() || !root.path("streams").has(0)) {
            return;
        }
        List<String> command = command(source, MediaFormat.HEVC);
        command.addAll(List.of(
                "-count_packets",
                "-select_streams",
                "v:0",
                "-show_entries",
                "stream=nb_read_packets",
                "-print_format",
                "json",
                "-i",
                source.argument()));
        ProcessResult result = ProcessRunner.run(command, left, MAX_OUTPUT_BYTES);
        if (!result.succeeded() || result.stdoutTruncated()) {
            return;
        }
        try {
            JsonNode count =
                    JSON.readTree(result.stdout()).path("streams").path(0).path("nb_read_packets");
            if (!count.isMissingNode() && root.path("streams").get(0) instanceof ObjectNode stream) {
                stream.set("nb_read_packets", count);
            }
        } catch (IOException e) {
            // the duration stays unknown
        }
    }

    private static JsonNode parse(byte[] json, MediaFormat sniffed) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw ProbeException.corrupt(sniffed, "its description could not be read");
        }
    }

    static String demuxer(MediaFormat format) {
        return switch (format) {
            case MP4, MOV, M4A -> "mov";
            case MKV, WEBM -> "matroska";
            case HEVC -> "hevc";
            case JPEG -> "jpeg_pipe";
            case PNG -> "png_pipe";
            case GIF -> "gif";
            case WEBP -> "webp_pipe";
            case MP3 -> "mp3";
            case AAC -> "aac";
            case WAV -> "wav";
            case OGG -> "ogg";
            case FLAC -> "flac";
            case HEIC -> throw new IllegalArgumentException("ffprobe 5.1 has no HEIC demuxer");
        };
    }

    /** What ffprobe is given to open, and the only protocols it may use for it. */
    private record Source(String argument, String protocols) {

        static Source of(String input) {
            if (input == null || input.isBlank()) {
                throw new IllegalArgumentException("No file to probe");
            }
            String lower = input.toLowerCase(Locale.ROOT);
            if (lower.startsWith("https://")) {
                return new Source(input, "https,tls,tcp");
            }
            if (lower.startsWith("http://")) {
                return new Source(input, "http,tcp");
            }
            // an explicit file: URL so that a name like "concat:a|b" or "-i" is never read as anything but a path
            return new Source("file:" + Path.of(input).toAbsolutePath().normalize(), "file");
        }
    }
}
