package io.mediawerk.ingest;

import static io.mediawerk.testing.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mediawerk.testing.Api;
import io.mediawerk.testing.FileServer;
import io.mediawerk.testing.TestMedia;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /media {url}: fetched by the worker over Kafka from a local server, or refused with a reason. */
@Tag("stack")
@QuarkusTest
class IngestTest {

    static Api.TestProject project;
    final FileServer server = FileServer.shared();

    @BeforeEach
    void project() {
        if (project == null) {
            project = Api.newProject("Ingest");
        }
    }

    @ParameterizedTest
    @CsvSource({"mp4, video", "webm, video", "heic, image", "jpeg, image", "flac, audio", "mp3, audio"})
    void filesAtUrlsAreIngested(String format, String kind) {
        byte[] file = TestMedia.bytes(format);
        String url = server.put("/ok/" + format + "/file.bin", new FileServer.Bytes(file, "application/octet-stream"));
        Response created = as(project.key())
                .body(Map.of("url", url, "title", "From a URL"))
                .post("/media");
        created.then()
                .statusCode(201)
                .body("data.status", equalTo("pending"))
                .body("data.kind", equalTo(null))
                .body("data.title", equalTo("From a URL"));
        Response ready = awaitFinal(created.path("data.id"));
        ready.then()
                .body("data.status", equalTo("ready"))
                .body("data.kind", equalTo(kind))
                .body("data.filesize", equalTo(file.length))
                .body("data.sources[0].label", equalTo("original"));
    }

    @Test
    void redirectsAreFollowed() {
        String target = server.put("/redirect/target", new FileServer.Bytes(TestMedia.bytes("png"), "image/png"));
        String start = server.put("/redirect/start", new FileServer.Redirect(target));
        awaitFinal(ingest(start)).then().body("data.status", equalTo("ready")).body("data.kind", equalTo("image"));
    }

    @Test
    void failuresSayWhatWentWrong() {
        expectFailure(server.url("/missing"), "url_fetch_failed", "404");
        expectFailure(
                server.put(
                        "/text",
                        new FileServer.Bytes("hello".repeat(100).getBytes(StandardCharsets.UTF_8), "video/mp4")),
                "unsupported_format",
                "Accepted");
        String loop = server.put("/loop", new FileServer.Redirect("/loop"));
        expectFailure(loop, "too_many_redirects", "redirected");
        expectFailure(server.put("/hang", new FileServer.Hang(20_000)), "url_timeout", "in time");
        expectFailure("http://no-such-host.invalid/video.mp4", "url_unreachable", "does not exist");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.1/video.mp4",
                "http://127.0.0.2:9/video.mp4",
                "http://[::1]/video.mp4",
                "http://192.168.1.1/x.mp4"
            })
    void privateAddressesAreRefused(String url) {
        expectFailure(url, "url_not_allowed", "private or internal");
    }

    @Test
    void redirectsToPrivateAddressesAreRefused() {
        String start = server.put("/to-metadata", new FileServer.Redirect("http://169.254.169.254/latest/meta-data"));
        expectFailure(start, "url_not_allowed", "private or internal");
        String local = server.put("/to-loopback", new FileServer.Redirect("http://127.0.0.2:8080/secret"));
        expectFailure(local, "url_not_allowed", "private or internal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/a.mp4", "not a url", "file:///etc/passwd", ""})
    void badUrlsAre400(String url) {
        as(project.key())
                .body(Map.of("url", url))
                .post("/media")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("url"));
    }

    @Test
    void missingUrlIs400() {
        as(project.key()).body("{}").post("/media").then().statusCode(400).body("error.param", equalTo("url"));
        as(project.key())
                .body("{\"url\": 5}")
                .post("/media")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("url"));
    }

    private void expectFailure(String url, String code, String messagePart) {
        awaitFinal(ingest(url))
                .then()
                .body("data.status", equalTo("failed"))
                .body("data.error.code", equalTo(code))
                .body("data.error.message", containsString(messagePart))
                .body("data.sources.size()", equalTo(0));
    }

    private String ingest(String url) {
        return as(project.key())
                .body(Map.of("url", url))
                .post("/media")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
    }

    private Response awaitFinal(String mediaId) {
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    last[0] = as(project.key()).get("/media/" + mediaId);
                    String status = last[0].path("data.status");
                    return "ready".equals(status) || "failed".equals(status);
                });
        return last[0];
    }
}
