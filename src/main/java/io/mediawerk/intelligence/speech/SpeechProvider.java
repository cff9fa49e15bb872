package io.mediawerk.intelligence.speech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediawerk.config.IntelligenceSettings;
import io.mediawerk.intelligence.analysis.AnalysisFailure;
import io.mediawerk.task.worker.TransientFailure;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;

/**
 * A speech-to-text provider reached over HTTP with the OpenAI-compatible transcription API: the audio goes up as a
 * multipart form ({@code file}, {@code model}, {@code response_format=verbose_json}, {@code language}), the
 * transcript comes back with timed segments. whisper.cpp's server, faster-whisper servers and hosted services
 * speak it. Blocking: it runs on a worker thread.
 */
@ApplicationScoped
public class SpeechProvider {

    /** The largest upload the OpenAI API takes; the audio is sent as 32 kbit/s mono MP3, about 100 minutes. */
    public static final long MAX_UPLOAD_BYTES = 25L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One timed piece of the transcript. */
    public record Segment(double start, double end, String text) {}

    /** What the provider heard. */
    public record Transcript(String language, String text, List<Segment> segments) {}

    private final Optional<String> url;
    private final Optional<String> key;
    private final String model;
    private final Duration timeout;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public SpeechProvider(IntelligenceSettings intelligenceSettings) {
        IntelligenceSettings.Speech speech = intelligenceSettings.speech();
        this.url = speech.url().map(base -> base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.key = speech.key();
        this.model = speech.model();
        this.timeout = speech.timeout();
    }

    public boolean isConfigured() {
        return url.isPresent();
    }

    /** Transcribes an audio file; {@code language} (ISO 639-1) may be null to let the provider detect it. */
    public Transcript transcribe(Path audio, String language) {
        try {
            if (Files.size(audio) > MAX_UPLOAD_BYTES) {
                throw new AnalysisFailure(
                        "media_too_long",
                        "The audio is too long for the speech provider (its "
                                + "limit is 25 MB, about 100 minutes); cut the media into parts first.");
            }
            String boundary = "mediawerk-" + UUID.randomUUID();
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(url.orElseThrow() + "/audio/transcriptions"))
                    .timeout(timeout)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(form(boundary, audio, language)));
            key.ifPresent(secret -> request.header("Authorization", "Bearer " + secret));
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429 || response.statusCode() >= 500) {
                throw new TransientFailure("The speech provider answered HTTP " + response.statusCode(), null);
            }
            if (response.statusCode() != 200) {
                throw new AnalysisFailure(
                        "provider_failed",
                        "The speech provider refused the audio: HTTP " + response.statusCode() + " "
                                + excerpt(response.body()));
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new TransientFailure("The speech provider could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Stopping");
        }
    }

    private byte[] form(String boundary, Path audio, String language) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "model", model);
        field(body, boundary, "response_format", "verbose_json");
        field(body, boundary, "timestamp_granularities[]", "segment");
        if (language != null) {
            field(body, boundary, "language", language);
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + audio.getFileName() + "\"\r\nContent-Type: audio/mpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(audio));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value)
            throws IOException {
        body.write(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
    }

    static Transcript parse(String body) {
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (IOException e) {
            throw new AnalysisFailure("provider_failed", "The speech provider's answer is not JSON: " + excerpt(body));
        }
        List<Segment> segments = new ArrayList<>();
        for (JsonNode segment : answer.path("segments")) {
            segments.add(new Segment(
                    segment.path("start").asDouble(),
                    segment.path("end").asDouble(),
                    segment.path("text").asText("").strip()));
        }
        String text = answer.path("text").asText("").strip();
        if (segments.isEmpty() && !text.isEmpty()) {
            segments.add(new Segment(0, answer.path("duration").asDouble(0), text));
        }
        return new Transcript(answer.path("language").asText(null), text, segments);
    }

    private static String excerpt(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
