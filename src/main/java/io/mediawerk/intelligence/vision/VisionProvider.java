package io.mediawerk.intelligence.vision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediawerk.intelligence.analysis.AnalysisFailure;
import io.mediawerk.task.worker.TransientFailure;
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
 * An image model reached over HTTP with the DeepStack-style vision API that DeepStack, CodeProject.AI Server and
 * compatible servers speak: the image goes up as the multipart field {@code image} (with {@code api_key} when one is
 * set), the answer is {@code {"success": true, "predictions": [{"label", "confidence", "x_min", "y_min", "x_max",
 * "y_max"}]}} (the box is absent for classifiers). Blocking: it runs on a worker thread.
 */
public final class VisionProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** What the model saw: a label, how sure it is (0–1), and where, when it says. */
    public record Prediction(String label, double confidence, Box box) {}

    /** A box in pixels. */
    public record Box(int left, int top, int width, int height) {}

    private final String what;
    private final Optional<String> url;
    private final Optional<String> key;
    private final Duration timeout;

    public VisionProvider(String what, Optional<String> url, Optional<String> key, Duration timeout) {
        this.what = what;
        this.url = url;
        this.key = key;
        this.timeout = timeout;
    }

    public boolean isConfigured() {
        return url.isPresent();
    }

    public List<Prediction> predict(Path image, String contentType) {
        try {
            String boundary = "mediawerk-" + UUID.randomUUID();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url.orElseThrow()))
                    .timeout(timeout)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(form(boundary, image, contentType)))
                    .build();
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429 || response.statusCode() >= 500) {
                throw new TransientFailure("The " + what + " provider answered HTTP " + response.statusCode(), null);
            }
            if (response.statusCode() != 200) {
                throw new AnalysisFailure(
                        "provider_failed",
                        "The " + what + " provider refused the image: HTTP " + response.statusCode());
            }
            return parse(what, response.body());
        } catch (IOException e) {
            throw new TransientFailure("The " + what + " provider could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Stopping");
        }
    }

    private byte[] form(String boundary, Path image, String contentType) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (key.isPresent()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"api_key\"\r\n\r\n" + key.get()
                            + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\""
                        + image.getFileName() + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(image));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    static List<Prediction> parse(String what, String body) {
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (IOException e) {
            throw new AnalysisFailure("provider_failed", "The " + what + " provider's answer is not JSON.");
        }
        if (!answer.path("success").asBoolean(true)) {
            throw new AnalysisFailure(
                    "provider_failed",
                    "The " + what + " provider could not read the image: "
                            + answer.path("error").asText("no reason given"));
        }
        List<Prediction> predictions = new ArrayList<>();
        for (JsonNode prediction : answer.path("predictions")) {
            Box box = prediction.has("x_min")
                    ? new Box(
                            prediction.path("x_min").asInt(),
                            prediction.path("y_min").asInt(),
                            prediction.path("x_max").asInt()
                                    - prediction.path("x_min").asInt(),
                            prediction.path("y_max").asInt()
                                    - prediction.path("y_min").asInt())
                    : null;
            predictions.add(new Prediction(
                    prediction.path("label").asText(""),
                    prediction.path("confidence").asDouble(0),
                    box));
        }
        return predictions;
    }
}
