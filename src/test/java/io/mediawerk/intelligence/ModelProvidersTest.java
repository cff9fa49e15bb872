package io.mediawerk.intelligence;

import static io.mediawerk.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mediawerk.localstack.Ports;
import io.mediawerk.testing.Api;
import io.mediawerk.testing.TestMedia;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The kinds that need a model provider, against small providers written for the test (real HTTP on 127.0.0.1).
 * Speech: an OpenAI-compatible transcription server checks the key and the multipart upload (model, response format,
 * language, an MP3 file) and answers with timed segments, which become the media's speech prop, the JSON result and a
 * WebVTT file. Objects and nsfw: DeepStack-style vision endpoints check the image upload and the key.
 */
@Tag("stack")
@QuarkusTest
@TestProfile(ModelProvidersTest.WithProviders.class)
class ModelProvidersTest {

    static final int PORT = Ports.freePort();
    static final String KEY = "test-provider-key";
    static final Map<String, String> received = new ConcurrentHashMap<>();
    static final HttpServer provider = start();

    /** The test profile: the providers at {@link #PORT}. */
    public static class WithProviders implements QuarkusTestProfile {
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

    @Test
    void objectsAndNsfwComeFromImageModels() {
        Api.TestProject project = Api.newProject("Vision");
        String imageId = Api.upload(project, TestMedia.bytes("png"), "image/png")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        Response objects = run(project, imageId, "objects");
        objects.then()
                .body("data.result.object_count", equalTo(1))
                .body("data.result.labels.person", equalTo(1))
                .body("data.result.objects[0].box.width", equalTo(100))
                .body("data.result.objects[0].confidence", equalTo(0.91f));
        assertThat(received).containsEntry("detection_api_key", KEY).containsEntry("detection_image", "image/png");

        run(project, imageId, "nsfw")
                .then()
                .body("data.result.nsfw", equalTo(false))
                .body("data.result.score", equalTo(0.2f));
        as(project.key())
                .get("/media/" + imageId)
                .then()
                .body("data.intelligence.objects.object_count", equalTo(1))
                .body("data.intelligence.nsfw.nsfw", equalTo(false));

        String videoId = Api.upload(project, TestMedia.bytes("mp4"), "video/mp4")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        run(project, videoId, "objects")
                .then()
                .body("data.result.frames[0].objects[0].label", equalTo("person"))
                .body("data.result.frames[0].time", equalTo(0.0f));
        assertThat(received).containsEntry("detection_image", "image/jpeg");
    }

    private static Response run(Api.TestProject project, String mediaId, String kind) {
        String id = as(project.key())
                .body(Map.of("media_id", mediaId, "kind", kind))
                .post("/intelligence")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        Response[] done = new Response[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            done[0] = as(project.key()).get("/intelligence/" + id);
            return List.of("completed", "failed").contains(done[0].<String>path("data.status"));
        });
        done[0].then().body("data.status", equalTo("completed"));
        return done[0];
    }

    @AfterAll
    static void stop() {
        provider.stop(0);
    }

    @Test
    void aTranscriptWithSubtitlesComesFromTheProvider() {
        Api.TestProject project = Api.newProject("Speech");
        String mediaId = Api.upload(project, TestMedia.bytes("mp3"), "audio/mpeg")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        as(project.key())
                .body(Map.of("media_id", mediaId, "kind", "speech", "options", Map.of("language", "EN")))
                .post("/intelligence")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("options.language"));
        String id = as(project.key())
                .body(Map.of("media_id", mediaId, "kind", "speech", "options", Map.of("language", "en")))
                .post("/intelligence")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");

        Response[] done = new Response[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            done[0] = as(project.key()).get("/intelligence/" + id);
            return List.of("completed", "failed").contains(done[0].<String>path("data.status"));
        });
        done[0].then()
                .body("data.status", equalTo("completed"))
                .body("data.result.language", equalTo("english"))
                .body("data.result.text", equalTo("Hello world. Second line."))
                .body("data.result.segments[1].start", equalTo(1.5f))
                .body("data.result.segments[1].text", equalTo("Second line."));

        assertThat(received)
                .containsEntry("authorization", "Bearer " + KEY)
                .containsEntry("model", "whisper-1")
                .containsEntry("response_format", "verbose_json")
                .containsEntry("language", "en")
                .containsEntry("file_type", "audio/mpeg")
                .containsEntry("file_is_mp3", "true");
        as(project.key())
                .get("/media/" + mediaId)
                .then()
                .body("data.intelligence.speech.text", equalTo("Hello world. Second line."));

        String subtitlesId = done[0].path("data.result.subtitles_source_id");
        Response subtitles = as(project.key()).get("/sources/" + subtitlesId);
        subtitles
                .then()
                .statusCode(200)
                .body("data.label", equalTo("subtitles"))
                .body("data.mime_type", equalTo("text/vtt"))
                .body("data.media_id", equalTo(mediaId));
        String vtt = given().get(subtitles.<String>path("data.url"))
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/vtt"))
                .extract()
                .asString();
        assertThat(vtt)
                .startsWith("WEBVTT\n")
                .contains("00:00:00.000 --> 00:00:01.500\nHello world.")
                .contains("00:00:01.500 --> 00:00:03.000\nSecond line.");
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 10);
            server.createContext("/v1/audio/transcriptions", ModelProvidersTest::transcribe);
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
