package io.mediawerk.traffic;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.mediawerk.localstack.Ports;
import io.mediawerk.testing.Api;
import io.mediawerk.testing.AppProcesses;
import io.mediawerk.testing.TestMedia;
import io.mediawerk.testing.TestStack;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two api instances on one database, as behind a load balancer: what one changes (a key revoked, a media deleted
 * or made private, a project's rate limit) counts on the other at once, though each keeps keys and files in memory;
 * rate limits answer 429 with their headers; an instance past its in-flight budget answers 503 at once and
 * recovers; a database that hangs (SIGSTOP) turns requests into 503s within 2 s, not hangs.
 */
class ReadPathIT {

    /** The second instance works on this many requests at once. */
    private static final int BUDGET = 3;

    private static final AppProcesses apps = new AppProcesses("read-path-it");
    private static String first;
    private static String second;

    @BeforeAll
    static void startTwoInstances() {
        int firstPort = Ports.freePort();
        int secondPort = Ports.freePort();
        Process one = apps.launch("first", firstPort, Map.of("mp.messaging.incoming.transforms.enabled", "false"));
        Process two = apps.launch(
                "second",
                secondPort,
                Map.of(
                        "mp.messaging.incoming.transforms.enabled", "false",
                        "mp.messaging.incoming.intelligence.enabled", "false",
                        "mediawerk.traffic.max-in-flight", String.valueOf(BUDGET)));
        AppProcesses.awaitReady(firstPort, one);
        AppProcesses.awaitReady(secondPort, two);
        first = "http://127.0.0.1:" + firstPort;
        second = "http://127.0.0.1:" + secondPort;
    }

    @AfterAll
    static void stopInstances() {
        apps.close();
    }

    private static RequestSpecification on(String base, String key) {
        return given().baseUri(base).header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    @Test
    void aKeyRevokedThroughOneInstanceIsRefusedByTheOtherWithinASecond() {
        String key = AppProcesses.projectKey(first, "revoked elsewhere");
        on(second, key).get("/media").then().statusCode(200);
        on(second, key).get("/media").then().statusCode(200); // now from the second instance's memory
        String project = on(second, key).get("/media").path("meta.project_id");
        String admin = TestStack.adminKey();
        String keyId = on(first, admin).get("/projects/" + project + "/keys").path("data[0].id");

        on(first, admin)
                .delete("/projects/" + project + "/keys/" + keyId)
                .then()
                .statusCode(200);
        long revoked = System.nanoTime();
        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> on(second, key).get("/media").statusCode() == 401);
        System.out.printf(
                "revocation counted on the other instance after %d ms%n", (System.nanoTime() - revoked) / 1_000_000);
        on(first, key).get("/media").then().statusCode(401).body("error.code", equalTo("invalid_api_key"));
    }

    @Test
    void aDeletedOrPrivateMediaStopsBeingDeliveredAtOnceOnBothInstances() {
        String key = AppProcesses.projectKey(first, "delivery");
        String deleted = uploadPng(key);
        String madePrivate = uploadPng(key);
        for (String base : List.of(first, second)) {
            for (String url : List.of(fileUrl(base, key, deleted), fileUrl(base, key, madePrivate))) {
                given().get(url).then().statusCode(200);
                given().get(url).then().statusCode(200);
            }
        }

        String deletedUrl = fileUrl(first, key, deleted);
        String privateUrl = fileUrl(first, key, madePrivate);
        on(first, key).delete("/media/" + deleted).then().statusCode(200);
        on(second, key)
                .body(Map.of("private_delivery", true))
                .patch("/media/" + madePrivate)
                .then()
                .statusCode(200);
        for (String base : List.of(first, second)) {
            String deletedFile = base + URI.create(deletedUrl).getPath();
            String privateFile = base + URI.create(privateUrl).getPath();
            await().atMost(Duration.ofSeconds(1))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> given().get(deletedFile).statusCode() == 404
                            && given().get(privateFile).statusCode() == 403);
        }
    }

    /** The file URL of the media's original as delivered by the instance at {@code base}. */
    private static String fileUrl(String base, String key, String mediaId) {
        Response media = on(first, key).get("/media/" + mediaId);
        String url = media.path("data.sources[0].url");
        assertThat(url).as(media.asString()).isNotNull();
        return base + URI.create(url).getPath();
    }

    private static String uploadPng(String key) {
        String url = Api.uploadUrl(on(first, key));
        String media = given().contentType("image/png")
                .body(TestMedia.bytes("png"))
                .put(url)
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        "ready".equals(on(first, key).get("/media/" + media).path("data.status")));
        return media;
    }

    @Test
    void aSmallRateLimitAnswers429WithItsHeadersAndLetsTheCallerBackAfterRetryAfter() throws Exception {
        String key = AppProcesses.projectKey(first, "rate limited");
        String project = on(first, key).get("/media").path("meta.project_id");
        on(first, TestStack.adminKey())
                .body(Map.of("rate_limit", Map.of("per_second", 1, "burst", 3)))
                .patch("/projects/" + project)
                .then()
                .statusCode(200)
                .body("data.rate_limit.per_second", equalTo(1))
                .body("data.rate_limit.burst", equalTo(3));

        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(on(first, key).get("/media"));
        }
        for (int i = 0; i < 3; i++) {
            assertThat(answers.get(i).statusCode()).isEqualTo(200);
            assertThat(answers.get(i).header("RateLimit-Policy")).isEqualTo("\"default\";q=3;w=3");
            assertThat(answers.get(i).header("RateLimit")).matches("\"default\";r=[0-2];t=[1-3]");
        }
        Response refused = answers.get(3);
        refused.then()
                .statusCode(429)
                .body("error.code", equalTo("rate_limited"))
                .header("Retry-After", matchesPattern("[1-9]"))
                .header("RateLimit", matchesPattern("\"default\";r=0;t=[1-3]"));
        Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000);
        on(first, key).get("/media").then().statusCode(200);

        on(first, TestStack.adminKey())
                .body("{\"rate_limit\": null}")
                .patch("/projects/" + project)
                .then()
                .statusCode(200)
                .body("data.rate_limit", equalTo(null));
        for (int i = 0; i < 10; i++) {
            on(first, key)
                    .get("/media")
                    .then()
                    .statusCode(200)
                    .header("RateLimit-Policy", matchesPattern(".*q=\\d+.*"));
        }
        on(first, TestStack.adminKey())
                .body(Map.of("rate_limit", Map.of("per_second", 0, "burst", 3)))
                .patch("/projects/" + project)
                .then()
                .statusCode(400)
                .body("error.param", equalTo("rate_limit.per_second"));
    }

    @Test
    void pastItsInFlightBudgetAnInstanceAnswers503AtOnceAndRecovers() throws Exception {
        String key = AppProcesses.projectKey(second, "budget");
        URI instance = URI.create(second);
        List<Socket> held = new ArrayList<>();
        try {
            // an upload streaming in counts against the upload budget, not the API's
            held.add(startRequest(
                    URI.create(Api.uploadUrl(on(second, key))), "PUT", "image/png", null, TestMedia.bytes("png")));
            on(second, key).get("/media").then().statusCode(200);
            // API requests whose bodies never finish hold every slot
            for (int i = 0; i < BUDGET; i++) {
                held.add(startRequest(
                        instance.resolve("/media"),
                        "POST",
                        "application/json",
                        key,
                        "{\"url\": \"".getBytes(StandardCharsets.UTF_8)));
            }
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> on(second, key).get("/media").statusCode() == 503);
            long asked = System.nanoTime();
            on(second, key)
                    .get("/media")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "1")
                    .body("error.code", equalTo("overloaded"));
            assertThat((System.nanoTime() - asked) / 1_000_000)
                    .as("ms to the 503")
                    .isLessThan(1000);
            given().baseUri(second).get("/q/health/live").then().statusCode(200);
            given().baseUri(second).get("/q/health/ready").then().statusCode(200);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        await().atMost(Duration.ofSeconds(5))
                .until(() -> on(second, key).get("/media").statusCode() == 200);
        for (int i = 0; i < 20; i++) {
            on(second, key).get("/media").then().statusCode(200);
        }
    }

    /**
     * Sends a request's headers (a body of 1 000 000 bytes announced; the key when not null) and the start of its
     * body, then nothing.
     */
    private static Socket startRequest(URI url, String method, String type, String key, byte[] start)
            throws IOException {
        Socket socket = new Socket(url.getHost(), url.getPort());
        OutputStream out = socket.getOutputStream();
        String target = url.getRawQuery() == null ? url.getRawPath() : url.getRawPath() + "?" + url.getRawQuery();
        out.write((method + " " + target + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                        + (key == null ? "" : "\r\nAuthorization: Bearer " + key)
                        + "\r\nContent-Type: " + type + "\r\nContent-Length: 1000000\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(Arrays.copyOf(start, Math.min(start.length, 64)));
        out.flush();
        return socket;
    }

    @Test
    void aHungDatabaseTurnsRequestsInto503sWithinTwoSecondsAndAllSucceedAfter() {
        String key = AppProcesses.projectKey(first, "hung database");
        on(first, key).get("/media").then().statusCode(200);
        on(second, key).get("/media").then().statusCode(200);
        TestStack.freezePostgres(true);
        try {
            for (String base : List.of(first, second, first)) {
                long asked = System.nanoTime();
                Response answer = on(base, key).get("/media");
                long ms = (System.nanoTime() - asked) / 1_000_000;
                answer.then()
                        .statusCode(503)
                        .header("Retry-After", matchesPattern("\\d+"))
                        .body("error.code", equalTo("database_unavailable"));
                assertThat(ms).as("ms to the 503 from " + base).isLessThan(2000);
            }
            given().baseUri(first).get("/q/health/ready").then().statusCode(503);
            given().baseUri(first).get("/q/health/live").then().statusCode(200);
        } finally {
            TestStack.freezePostgres(false);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> on(first, key).get("/media").statusCode() == 200);
        for (String base : List.of(first, second)) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> on(base, key).get("/media").statusCode() == 200);
            for (int i = 0; i < 20; i++) {
                on(base, key).get("/media").then().statusCode(200);
            }
            given().baseUri(base).get("/q/health/ready").then().statusCode(200);
        }
        // the requests answered 503 while their queries hung finish quietly when the database is back
        for (String name : List.of("first", "second")) {
            assertThat(apps.log(name)).content().doesNotContain("has already been written");
        }
    }
}
