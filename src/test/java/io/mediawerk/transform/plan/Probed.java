package io.mediawerk.transform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What ffprobe says about an output file. */
record Probed(JsonNode format, List<JsonNode> streams) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Probed of(Path file, Path logDir) {
        Programs.Result result = Programs.run(
                List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-print_format",
                        "json",
                        "-show_format",
                        "-show_streams",
                        file.toString()),
                logDir);
        if (result.exitCode() != 0) {
            throw new AssertionError("ffprobe cannot read " + file + ": " + result.stderr());
        }
        try {
            JsonNode root = JSON.readTree(result.stdout());
            List<JsonNode> streams = new ArrayList<>();
            root.path("streams").forEach(streams::add);
            return new Probed(root.path("format"), streams);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode video() {
        return streams.stream()
                .filter(s -> "video".equals(s.path("codec_type").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No video stream in " + streams));
    }

    boolean hasAudio() {
        return streams.stream()
                .anyMatch(s -> "audio".equals(s.path("codec_type").asText()));
    }

    JsonNode audio() {
        return streams.stream()
                .filter(s -> "audio".equals(s.path("codec_type").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No audio stream in " + streams));
    }

    String videoCodec() {
        return video().path("codec_name").asText();
    }

    String audioCodec() {
        return audio().path("codec_name").asText();
    }

    int width() {
        return video().path("width").asInt();
    }

    int height() {
        return video().path("height").asInt();
    }

    String size() {
        return width() + "x" + height();
    }

    double duration() {
        return format.path("duration").asDouble();
    }

    String formatName() {
        return format.path("format_name").asText();
    }
}
