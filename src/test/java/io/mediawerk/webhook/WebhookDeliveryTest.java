package io.mediawerk.webhook;

import static io.mediawerk.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediawerk.localstack.Ports;
import io.mediawerk.testing.Api;
import io.mediawerk.testing.FileServer;
import io.mediawerk.testing.TestMedia;
import io.mediawerk.testing.Transforms;
import io.mediawerk.testing.WebhookReceiver;
import io.mediawerk.testing.WebhookReceiver.Answer;
import io.mediawerk.testing.WebhookReceiver.Received;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Events delivered to a real receiver on 127.0.0.1 that checks every signature with its own code: what arrives for
 * uploads, ingests and transforms, filtering, retries, disabling, pausing, rotation, resending, and limits. The test
 * profile retries after 0.3 s, gives up after 4 s and disables a webhook failing for 3 s.
 */
@Tag("stack")
@QuarkusTest
class WebhookDeliveryTest {

    static final WebhookReceiver receiver = new WebhookReceiver();
    Api.TestProject project;

    @BeforeEach
    void project() {
        project = Api.newProject("Webhook deliveries");
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @Test
    void theEventsOfAnUploadArriveSignedOnce() {
        String webhookId = webhook("/upload", Answer.ok());
        String mediaId = upload();

        List<Received> events =
                awaitTypes("/upload", mediaId, "media.created", "upload.completed", "source.created", "media.ready");
        for (Received request : events) {
            assertThat(request.signatureValid())
                    .as("signature of " + request.type())
                    .isTrue();
            JsonNode event = request.event();
            assertThat(event.path("id").asText()).startsWith("evt_").isEqualTo(request.webhookId());
            assertThat(event.path("object").asText()).isEqualTo("event");
            assertThat(event.path("project_id").asText()).isEqualTo(project.id());
            assertThat(event.path("created").asText()).isNotBlank();
        }
        JsonNode ready = events.stream()
                .filter(request -> request.type().equals("media.ready"))
                .findFirst()
                .orElseThrow()
                .event();
        assertThat(ready.path("data").path("object").path("status").asText()).isEqualTo("ready");
        assertThat(ready.path("data").path("object").path("sources").size()).isEqualTo(1);

        Response deliveries = as(project.key()).get("/webhooks/" + webhookId + "/deliveries?limit=50");
        deliveries.then().statusCode(200).body("data.size()", equalTo(4));
        for (int i = 0; i < 4; i++) {
            deliveries
                    .then()
                    .body("data[" + i + "].status", equalTo("succeeded"))
                    .body("data[" + i + "].attempts.size()", equalTo(1))
                    .body("data[" + i + "].attempts[0].status_code", equalTo(200))
                    .body("data[" + i + "].id", org.hamcrest.Matchers.startsWith("dlv_"));
        }
        String one = deliveries.path("data[0].id");
        as(project.key())
                .get("/webhooks/" + webhookId + "/deliveries/" + one)
                .then()
                .statusCode(200)
                .body("data.event.project_id", equalTo(project.id()))
                .body("data.event_id", equalTo(deliveries.<String>path("data[0].event_id")));
        as(project.key())
                .get("/webhooks/" + webhookId + "/deliveries?event_type=media.ready")
                .then()
                .body("data.size()", equalTo(1))
                .body("data[0].event_type", equalTo("media.ready"));
    }

    @Test
    void ingestAndTransformEventsArrive() {
        webhook("/pipeline", Answer.ok());
        String url = FileServer.shared()
                .put("/webhook-ingest.png", new FileServer.Bytes(TestMedia.bytes("png"), "image/png"));
        String mediaId = as(project.key())
                .body(Map.of("url", url))
                .post("/media")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        awaitTypes("/pipeline", mediaId, "media.created", "media.ready");

        String taskId = Transforms.create(
                project,
                "{\"media_id\": \"" + mediaId + "\", \"kind\": \"image\", " + "\"format\": \"webp\", \"width\": 16}");
        String outputId = Transforms.awaitCompleted(project, taskId).path("data.output.id");
        Received completed = awaitRequest(receiverOf(
                "/pipeline",
                request -> request.type().equals("transform.completed")
                        && request.event()
                                .path("data")
                                .path("object")
                                .path("id")
                                .asText()
                                .equals(taskId)));
        assertThat(completed.signatureValid()).isTrue();
        assertThat(completed
                        .event()
                        .path("data")
                        .path("object")
                        .path("output")
                        .path("id")
                        .asText())
                .isEqualTo(outputId);
        awaitRequest(receiverOf(
                "/pipeline",
                request -> request.type().equals("source.created")
                        && request.event()
                                .path("data")
                                .path("object")
                                .path("id")
                                .asText()
                                .equals(outputId)));
    }

    @Test
    void aWebhookGetsOnlyTheTypesItSubscribesTo() {
        String webhookId = webhook("/only-updates", Answer.ok(), "media.updated");
        webhook("/everything", Answer.ok());
        String mediaId = upload();
        touch(mediaId);

        awaitTypes("/everything", mediaId, "media.ready", "media.updated");
        awaitTypes("/only-updates", mediaId, "media.updated");
        assertThat(receiver.at("/only-updates").stream()
                        .filter(request -> ofMedia(request, mediaId))
                        .map(Received::type))
                .containsExactly("media.updated");
        as(project.key()).get("/webhooks/" + webhookId + "/deliveries").then().body("data.size()", equalTo(1));
    }

    @Test
    void aFailedAttemptIsRetriedWithTheSameId() {
        String webhookId = webhook("/flaky", Answer.status(500, 200), "media.updated");
        String mediaId = upload();
        touch(mediaId);

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at("/flaky").size() >= 2);
        List<Received> requests = receiver.at("/flaky");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).webhookId()).isEqualTo(requests.get(0).webhookId());
        assertThat(requests).allMatch(Received::signatureValid);
        assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());

        Response delivery = awaitDelivery(webhookId, "succeeded");
        delivery.then()
                .body("data[0].attempts.size()", equalTo(2))
                .body("data[0].attempts[0].status_code", equalTo(500))
                .body("data[0].attempts[0].error", containsString("HTTP 500"))
                .body("data[0].attempts[1].status_code", equalTo(200))
                .body("data[0].last_status_code", equalTo(200));
        assertThat(delivery.<Integer>path("data[0].attempts[0].duration_ms")).isNotNull();
    }

    @Test
    void aDeadReceiverEndsUpDisabledWithTheReason() {
        String url = "http://127.0.0.1:" + Ports.freePort() + "/dead";
        Response created = as(project.key())
                .body(Map.of("url", url, "events", List.of("media.updated")))
                .post("/webhooks");
        String webhookId = created.path("data.id");
        String mediaId = upload();
        touch(mediaId);

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> "disabled"
                        .equals(as(project.key()).get("/webhooks/" + webhookId).path("data.status")));
        as(project.key())
                .get("/webhooks/" + webhookId)
                .then()
                .body("data.disabled_reason", containsString("Connection refused"))
                .body("data.disabled_reason", containsString("set status to active"));
        Response failed = awaitDelivery(webhookId, "failed");
        assertThat(failed.<List<?>>path("data[0].attempts")).hasSizeGreaterThan(1);
        assertThat(failed.<Integer>path("data[0].attempts[0].status_code")).isNull();

        as(project.key())
                .body(Map.of("status", "active"))
                .patch("/webhooks/" + webhookId)
                .then()
                .statusCode(200)
                .body("data.disabled_reason", equalTo(null))
                .body("data.failing_since", equalTo(null));
    }

    @Test
    void aDisabledWebhookGetsNothing() {
        String paused = webhook("/paused", Answer.ok());
        as(project.key())
                .body(Map.of("status", "disabled"))
                .patch("/webhooks/" + paused)
                .then()
                .statusCode(200);
        webhook("/beside-paused", Answer.ok());
        String mediaId = upload();
        touch(mediaId);

        awaitTypes("/beside-paused", mediaId, "media.ready", "media.updated");
        assertThat(receiver.at("/paused")).isEmpty();
        as(project.key()).get("/webhooks/" + paused + "/deliveries").then().body("data.size()", equalTo(0));
    }

    @Test
    void afterARotationBothSecretsSignUntilTheGraceEnds() {
        String path = "/rotating";
        String webhookId = webhook(path, Answer.ok(), "media.updated");
        String first = receiverSecret;
        String mediaId = upload();

        String second = as(project.key())
                .body("{}")
                .post("/webhooks/" + webhookId + "/rotate-secret")
                .path("data.secret");
        touch(mediaId);
        Received duringGrace = awaitRequest(receiverOf(path, request -> ofMedia(request, mediaId)));
        assertThat(duringGrace.signatureValid())
                .as("receivers still on the old secret accept it")
                .isTrue();
        assertThat(duringGrace.signedWith(first)).isTrue();
        assertThat(duringGrace.signedWith(second)).isTrue();

        String third = as(project.key())
                .body(Map.of("grace_seconds", 0))
                .post("/webhooks/" + webhookId + "/rotate-secret")
                .path("data.secret");
        receiver.trust(path, third);
        touch(mediaId);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(path).size() >= 2);
        Received afterRotation = receiver.at(path).get(1);
        assertThat(afterRotation.signatureValid()).isTrue();
        assertThat(afterRotation.signedWith(third)).isTrue();
        assertThat(afterRotation.signedWith(second)).isFalse();
        assertThat(afterRotation.signedWith(first)).isFalse();
    }

    @Test
    void aDeliveryCanBeSentAgain() {
        String webhookId = webhook("/resend", Answer.ok(), "media.updated");
        String mediaId = upload();
        touch(mediaId);
        String deliveryId = awaitDelivery(webhookId, "succeeded").path("data[0].id");

        as(project.key())
                .post("/webhooks/" + webhookId + "/deliveries/" + deliveryId + "/resend")
                .then()
                .statusCode(200)
                .body("data.status", equalTo("pending"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> receiver.at("/resend").size() == 2);
        List<Received> both = receiver.at("/resend");
        assertThat(both.get(1).webhookId()).isEqualTo(both.get(0).webhookId());
        assertThat(both.get(1).signatureValid()).isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> as(project.key())
                                .get("/webhooks/" + webhookId + "/deliveries/" + deliveryId)
                                .<List<?>>path("data.attempts")
                                .size()
                        == 2);

        as(project.key()).body(Map.of("status", "disabled")).patch("/webhooks/" + webhookId);
        as(project.key())
                .post("/webhooks/" + webhookId + "/deliveries/" + deliveryId + "/resend")
                .then()
                .statusCode(409)
                .body("error.code", equalTo("webhook_disabled"));
    }

    @Test
    void aSlowReceiverDoesNotHoldUpTheOthers() {
        String slow = webhook("/slow", Answer.slow(5_000), "media.updated");
        webhook("/quick", Answer.ok(), "media.updated");
        String mediaId = upload();
        int events = 12;
        for (int i = 0; i < events; i++) {
            touch(mediaId);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at("/quick").size() == events);
        // the slow webhook has 8 attempts in flight at most: its 9th request comes only once one of them timed out
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at("/slow").size() > 8);
        long ninthSlow = receiver.at("/slow").stream()
                .mapToLong(Received::receivedAtMillis)
                .sorted()
                .skip(8)
                .findFirst()
                .orElseThrow();
        assertThat(receiver.at("/quick")).allMatch(request -> request.receivedAtMillis() < ninthSlow);
        Response attempts = as(project.key()).get("/webhooks/" + slow + "/deliveries?limit=50");
        assertThat(attempts.<List<String>>path("data.attempts.flatten().error").stream()
                        .filter(error -> error != null && error.contains("No answer within")))
                .isNotEmpty();
    }

    @Test
    void redirectsAreNotFollowedAndAnswersAreReadToALimit() {
        String moved = webhook("/moved", Answer.redirect(receiver.url("/moved-target", Answer.ok())), "media.updated");
        String big = webhook("/big", Answer.withBody(new byte[2 * 1024 * 1024]), "media.updated");
        String mediaId = upload();
        touch(mediaId);

        Response bigDelivery = awaitDelivery(big, "succeeded");
        assertThat(bigDelivery.<String>path("data[0].attempts[0].response").length())
                .isLessThanOrEqualTo(1024);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> as(project.key())
                                .get("/webhooks/" + moved + "/deliveries")
                                .<List<?>>path("data[0].attempts")
                                .size()
                        >= 1);
        as(project.key())
                .get("/webhooks/" + moved + "/deliveries")
                .then()
                .body("data[0].attempts[0].status_code", equalTo(302))
                .body("data[0].attempts[0].error", containsString("redirects are not followed"));
        assertThat(receiver.at("/moved-target")).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------

    private String receiverSecret;

    /** A webhook of the test's project to a receiver path, trusted with its secret. */
    private String webhook(String path, Answer answer, String... events) {
        Map<String, Object> body = events.length == 0
                ? Map.of("url", receiver.url(path, answer))
                : Map.of("url", receiver.url(path, answer), "events", Arrays.asList(events));
        Response created = as(project.key()).body(body).post("/webhooks");
        created.then().statusCode(201);
        receiverSecret = created.path("data.secret");
        receiver.trust(path, receiverSecret);
        return created.path("data.id");
    }

    private String upload() {
        return Api.upload(project, TestMedia.bytes("png"), "image/png")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
    }

    private void touch(String mediaId) {
        as(project.key())
                .body(Map.of("metadata", Map.of("touched", System.nanoTime())))
                .patch("/media/" + mediaId)
                .then()
                .statusCode(200);
    }

    private static boolean ofMedia(Received request, String mediaId) {
        JsonNode object = request.event().path("data").path("object");
        return mediaId.equals(object.path("id").asText())
                || mediaId.equals(object.path("media_id").asText());
    }

    /** Waits until the path received each type for the media (or its upload) and returns those requests. */
    private List<Received> awaitTypes(String path, String mediaId, String... types) {
        Set<String> wanted = Set.of(types);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> receiver.at(path).stream()
                        .filter(request ->
                                ofMedia(request, mediaId) || request.type().equals("upload.completed"))
                        .map(Received::type)
                        .collect(Collectors.toSet())
                        .containsAll(wanted));
        return new ArrayList<>(receiver.at(path).stream()
                .filter(request -> wanted.contains(request.type()))
                .toList());
    }

    private static java.util.concurrent.Callable<Received> receiverOf(String path, Predicate<Received> test) {
        return () -> receiver.at(path).stream().filter(test).findFirst().orElse(null);
    }

    private static Received awaitRequest(java.util.concurrent.Callable<Received> find) {
        return await().atMost(Duration.ofSeconds(30)).until(find, found -> found != null);
    }

    private Response awaitDelivery(String webhookId, String status) {
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    last[0] = as(project.key()).get("/webhooks/" + webhookId + "/deliveries");
                    List<String> statuses = last[0].path("data.status");
                    return !statuses.isEmpty() && statuses.get(0).equals(status);
                });
        return last[0];
    }
}
