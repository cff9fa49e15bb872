package io.mediawerk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** ffprobe on bytes a test downloaded: what a user would check of a transform's output. */
public final class Probe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Probe() {}

    public static JsonNode of(byte[] file) {
        try {
            Path temp = Files.createTempFile("probe", ".bin");
            try {
                Files.write(temp, file);
                return of(temp.toString());
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ffprobe's JSON (-show_format -show_streams) of a local file or a URL. */
    public static JsonNode of(String input) {
        try {
            Process process = new ProcessBuilder(
                            "ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", input)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("ffprobe could not read " + input);
            }
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first stream of a type (video, audio). */
    public static JsonNode stream(JsonNode probed, String type) {
        for (JsonNode stream : probed.path("streams")) {
            if (type.equals(stream.path("codec_type").asText())) {
                return stream;
            }
        }
        return null;
    }

    public static double duration(JsonNode probed) {
        return probed.path("format").path("duration").asDouble();
    }
}
