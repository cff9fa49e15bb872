package io.mediawerk.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediawerk.localstack.Ports;
import io.mediawerk.testing.AppProcesses;
import io.mediawerk.testing.TestMedia;
import io.mediawerk.testing.WebhookReceiver;
import io.mediawerk.testing.WebhookReceiver.Answer;
import io.mediawerk.testing.WebhookReceiver.Received;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Dispatcher processes stopping while events stream in: one killed with SIGKILL mid-stream, events made while no
 * dispatcher runs at all, and the next stopped with SIGTERM mid-stream. Every event still reaches the receiver,
 * signed, and each has exactly one delivery. Runs the packaged app: an API process and dispatcher processes.
 */
class DispatcherRestartIT {

    private static final int PER_PHASE = 100;
    private static final Map<String, String> DISPATCHER = Map.of(
            "mp.messaging.incoming.ingest.enabled", "false", "mp.messaging.incoming.transforms.enabled", "false");

    private final AppProcesses apps = new AppProcesses("dispatcher-restart-it");
    private final WebhookReceiver receiver = new WebhookReceiver();
    private String base;
    private String key;
    private String mediaId;

    @AfterEach
    void stop() {
        apps.close();
        receiver.close();
    }

    @Test
    void noEventIsLostWhenDispatchersStop() throws Exception {
        int apiPort = Ports.freePort();
        Process api = apps.launch("api", apiPort, Map.of("mp.messaging.incoming.events.enabled", "false"));
        Process first = dispatcher("dispatcher-1");
        AppProcesses.awaitReady(apiPort, api);
        base = "http://127.0.0.1:" + apiPort;
        key = AppProcesses.projectKey(base, "dispatcher restarts");
        Response webhook = call().body(Map.of(
                        "url", receiver.url("/events", Answer.ok()), "events", java.util.List.of("media.updated")))
                .post("/webhooks");
        receiver.trust("/events", webhook.<String>path("data.secret"));
        String uploadUrl = call().body("{}")
                .post("/uploads")
                .then()
                .statusCode(201)
                .extract()
                .path("data.url");
        mediaId = given().contentType("image/png")
                .body(TestMedia.bytes("png"))
                .put(uploadUrl)
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");

        touch(0, PER_PHASE);
        await().atMost(Duration.ofMinutes(1)).until(() -> receiver.at("/events").size() >= PER_PHASE / 2);
        AppProcesses.kill(first);

        touch(PER_PHASE, 2 * PER_PHASE);
        Process second = dispatcher("dispatcher-2");
        touch(2 * PER_PHASE, 3 * PER_PHASE);
        await().atMost(Duration.ofMinutes(2)).until(() -> distinct().size() >= 2 * PER_PHASE);
        second.destroy();
        assertThat(second.waitFor(40, TimeUnit.SECONDS))
                .as("the dispatcher stops within its grace")
                .isTrue();

        touch(3 * PER_PHASE, 4 * PER_PHASE);
        dispatcher("dispatcher-3");
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> distinct().size() == 4 * PER_PHASE);

        assertThat(distinct())
                .isEqualTo(IntStream.range(0, 4 * PER_PHASE).boxed().collect(Collectors.toSet()));
        assertThat(receiver.at("/events")).allMatch(Received::signatureValid);
        String webhookId = webhook.path("data.id");
        await().atMost(Duration.ofMinutes(1))
                .until(() -> apps.query(
                                "select count(*) from webhook_deliveries "
                                        + "where webhook_id = ? and status = 'succeeded'",
                                webhookId)
                        == 4 * PER_PHASE);
        assertThat(apps.query("select count(*) from webhook_deliveries where webhook_id = ?", webhookId))
                .as("one delivery per event, however often Kafka handed it out")
                .isEqualTo(4L * PER_PHASE);
    }

    private Process dispatcher(String name) {
        int port = Ports.freePort();
        Process process = apps.launch(name, port, DISPATCHER);
        AppProcesses.awaitReady(port, process);
        return process;
    }

    /** media.updated events numbered {@code from} (inclusive) to {@code to}, in the media's metadata. */
    private void touch(int from, int to) {
        for (int n = from; n < to; n++) {
            call().body(Map.of("metadata", Map.of("n", n)))
                    .patch("/media/" + mediaId)
                    .then()
                    .statusCode(200);
        }
    }

    private Set<Integer> distinct() {
        return receiver.at("/events").stream()
                .map(request -> request.event()
                        .path("data")
                        .path("object")
                        .path("metadata")
                        .path("n")
                        .asInt(-1))
                .filter(n -> n >= 0)
                .collect(Collectors.toSet());
    }

    private RequestSpecification call() {
        return given().baseUri(base).header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }
}
