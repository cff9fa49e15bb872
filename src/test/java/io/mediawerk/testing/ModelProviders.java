package io.mediawerk.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mediawerk.localstack.Ports;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Model providers written for the tests, real HTTP on 127.0.0.1, started once per test run and shared by the test
 * classes that run with {@link Profile}. Speech: an OpenAI-compatible transcription endpoint that notes the key and
 * the multipart form (model, response format, language, the file's type and whether it is an MP3) and answers two
 * timed segments. Objects and nsfw: DeepStack-style vision endpoints that note the image's type and the key.
 */
public final class ModelProviders {

    public static final int PORT = Ports.freePort();
    public static final String KEY = "test-provider-key";
    /** What the providers were last sent, by name. */
    public static final Map<String, String> received = new ConcurrentHashMap<>();

    private static final HttpServer server = start();

    private ModelProviders() {}

    /** The test profile: speech, objects and nsfw at {@link #PORT}. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mediawerk.intelligence.speech.url",
                    "http://127.0.0.1:" + PORT + "/v1",
                    "mediawerk.intelligence.speech.key",
                    KEY,
                    "mediawerk.intelligence.objects.url",
                    "http://127.0.0.1:" + PORT + "/v1/vision/detection",
                    "mediawerk.intelligence.objects.key",
                    KEY,
                    "mediawerk.intelligence.nsfw.url",
                    "http://127.0.0.1:" + PORT + "/v1/vision/nsfw");
        }
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 10);
            server.createContext("/v1/audio/transcriptions", ModelProviders::transcribe);
            server.createContext(
                    "/v1/vision/detection",
                    exchange -> vision(
                            exchange,
                            "detection",
                            "{\"success\":true,\"predictions\":[{\"label\":\"person\",\"confidence\":0.91,\"x_min\":10,"
                                    + "\"y_min\":20,\"x_max\":110,\"y_max\":220},{\"label\":\"dog\",\"confidence\":0.3,"
                                    + "\"x_min\":1,\"y_min\":1,\"x_max\":5,\"y_max\":5}]}"));
            server.createContext(
                    "/v1/vision/nsfw",
                    exchange -> vision(
                            exchange,
                            "nsfw",
                            "{\"success\":true,\"predictions\":[{\"label\":\"sfw\",\"confidence\":0.8},"
                                    + "{\"label\":\"nsfw\",\"confidence\":0.2}]}"));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A DeepStack-style endpoint: notes the form's image type and key, answers the predictions given. */
    private static void vision(HttpExchange exchange, String name, String answer) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            String form = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            Matcher image = Pattern.compile("name=\"image\"; filename=\"[^\"]*\"\r\nContent-Type: (\\S+)")
                    .matcher(form);
            received.put(name + "_image", image.find() ? image.group(1) : "none");
            Matcher key =
                    Pattern.compile("name=\"api_key\"\r\n\r\n([^\r]*)\r\n").matcher(form);
            if (key.find()) {
                received.put(name + "_api_key", key.group(1));
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** An OpenAI-compatible transcription endpoint: checks the form, answers verbose_json. */
    private static void transcribe(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            received.put(
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            Matcher boundary = Pattern.compile("boundary=(\\S+)")
                    .matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
            if (!boundary.find()) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            String form = new String(body, StandardCharsets.ISO_8859_1);
            for (String part : form.split("--" + Pattern.quote(boundary.group(1)))) {
                Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(part);
                int start = part.indexOf("\r\n\r\n");
                if (!name.find() || start < 0) {
                    continue;
                }
                String content = part.substring(start + 4, part.length() - 2);
                if (name.group(1).equals("file")) {
                    Matcher type = Pattern.compile("Content-Type: (\\S+)").matcher(part);
                    received.put("file_type", type.find() ? type.group(1) : "none");
                    byte[] file = content.getBytes(StandardCharsets.ISO_8859_1);
                    boolean id3 = content.startsWith("ID3");
                    boolean frameSync = file.length > 1 && (file[0] & 0xFF) == 0xFF && (file[1] & 0xE0) == 0xE0;
                    received.put("file_is_mp3", String.valueOf(file.length > 1000 && (id3 || frameSync)));
                } else {
                    received.put(name.group(1), content);
                }
            }
            byte[] answer = ("{\"task\":\"transcribe\",\"language\":\"english\",\"duration\":3.0,"
                            + "\"text\":\"Hello world. Second line.\",\"segments\":["
                            + "{\"id\":0,\"start\":0.0,\"end\":1.5,\"text\":\" Hello world.\"},"
                            + "{\"id\":1,\"start\":1.5,\"end\":3.0,\"text\":\" Second line.\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }
}
