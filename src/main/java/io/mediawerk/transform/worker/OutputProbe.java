package io.mediawerk.transform.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediawerk.ffmpeg.ProcessResult;
import io.mediawerk.ffmpeg.ProcessRunner;
import io.mediawerk.media.probe.Dimensions;
import io.mediawerk.media.probe.WebpHeader;
import io.mediawerk.task.worker.TaskFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Measures a file a transform wrote: codecs, size, duration, frame rate, bitrate. The file is our own output, so
 * ffprobe may detect its format itself (unlike uploads, whose format is forced from the sniffed bytes).
 */
final class OutputProbe {

    /** What the new source holds; null where it does not apply. */
    record Measured(
            String videoCodec,
            String audioCodec,
            Integer width,
            Integer height,
            Double duration,
            Double fps,
            Long bitrate) {}

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final long MAX_OUTPUT = 4L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private OutputProbe() {}

    static Measured measure(Path file) {
        JsonNode root = read(file);
        JsonNode video = first(root, "video");
        JsonNode audio = first(root, "audio");
        JsonNode format = root.path("format");
        Dimensions size = video == null ? null : size(video, file);
        return new Measured(
                video == null ? null : text(video, "codec_name"),
                audio == null ? null : text(audio, "codec_name"),
                size == null ? null : size.width(),
                size == null ? null : size.height(),
                number(format, "duration"),
                video == null ? null : frameRate(text(video, "avg_frame_rate")),
                format.hasNonNull("bit_rate") ? format.path("bit_rate").asLong() : null);
    }

    /** What ffprobe says of a file the transform wrote: its {@code streams} and {@code format}. */
    static JsonNode read(Path file) {
        ProcessResult result = ProcessRunner.run(
                List.of(
                        "ffprobe",
                        "-hide_banner",
                        "-v",
                        "error",
                        "-print_format",
                        "json",
                        "-show_format",
                        "-show_streams",
                        file.toString()),
                TIMEOUT,
                MAX_OUTPUT);
        if (!result.succeeded()) {
            throw new TaskFailure(
                    "output_unreadable",
                    "The transform wrote a file that cannot be read back: "
                            + result.stderrTail().strip());
        }
        try {
            return JSON.readTree(result.stdout());
        } catch (IOException e) {
            throw new TaskFailure("output_unreadable", "The transform's output could not be measured.");
        }
    }

    /** ffprobe 5.1 sizes an animated WebP as 0×0; its header knows. */
    private static Dimensions size(JsonNode video, Path file) {
        int width = video.path("width").asInt();
        int height = video.path("height").asInt();
        if (width > 0 && height > 0) {
            return new Dimensions(width, height);
        }
        try {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(64);
            }
            return WebpHeader.size(head, head.length).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode first(JsonNode root, String type) {
        for (JsonNode stream : root.path("streams")) {
            if (type.equals(stream.path("codec_type").asText())
                    && stream.path("disposition").path("attached_pic").asInt() == 0) {
                return stream;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Double number(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            return null;
        }
        try {
            double value = Double.parseDouble(node.get(field).asText());
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Double frameRate(String ratio) {
        if (ratio == null || !ratio.contains("/")) {
            return null;
        }
        String[] parts = ratio.split("/");
        try {
            double denominator = Double.parseDouble(parts[1]);
            double fps = denominator == 0 ? 0 : Double.parseDouble(parts[0]) / denominator;
            return fps > 0 ? Math.round(fps * 1000) / 1000.0 : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
