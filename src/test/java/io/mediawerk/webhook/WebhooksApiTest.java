package io.mediawerk.webhook;

import static io.mediawerk.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.mediawerk.testing.Api;
import io.mediawerk.testing.Db;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhooks API: its objects, its rules, its 400s, and one project never seeing another's webhooks. */
@Tag("stack")
@QuarkusTest
class WebhooksApiTest {

    private static final String RECEIVER = "http://127.0.0.1:9/hooks";
    static Api.TestProject project;

    @BeforeEach
    void project() {
        if (project == null) {
            project = Api.newProject("Webhooks API");
        }
    }

    @Test
    void aWebhookIsCreatedReadUpdatedAndDeleted() {
        Response created = as(project.key())
                .body(Map.of("url", RECEIVER, "description", "Orders"))
                .post("/webhooks");
        created.then()
                .statusCode(201)
                .body("data.id", startsWith("whk_"))
                .body("data.object", equalTo("webhook"))
                .body("data.url", equalTo(RECEIVER))
                .body("data.events", equalTo(List.of("*")))
                .body("data.status", equalTo("active"))
                .body("data.description", equalTo("Orders"))
                .body("data.secret", startsWith("whsec_"))
                .body("links.self", containsString("/webhooks/whk_"));
        String id = created.path("data.id");

        as(project.key())
                .get("/webhooks/" + id)
                .then()
                .statusCode(200)
                .body("data", not(hasKey("secret")))
                .body("data.url", equalTo(RECEIVER));
        as(project.key())
                .get("/webhooks")
                .then()
                .statusCode(200)
                .body("data.id", org.hamcrest.Matchers.hasItem(id))
                .body("data[0]", not(hasKey("secret")));

        as(project.key())
                .body(Map.of(
                        "events",
                        List.of("media.ready", "transform.completed", "media.ready"),
                        "status",
                        "disabled",
                        "url",
                        RECEIVER + "/v2"))
                .patch("/webhooks/" + id)
                .then()
                .statusCode(200)
                .body("data.events", equalTo(List.of("media.ready", "transform.completed")))
                .body("data.status", equalTo("disabled"))
                .body("data.url", equalTo(RECEIVER + "/v2"))
                .body("data.description", equalTo("Orders"));
        as(project.key())
                .body("{\"description\": null}")
                .patch("/webhooks/" + id)
                .then()
                .statusCode(200)
                .body("data.description", nullValue());

        as(project.key()).delete("/webhooks/" + id).then().statusCode(200).body("data.deleted", equalTo(true));
        as(project.key()).get("/webhooks/" + id).then().statusCode(404).body("error.code", equalTo("not_found"));
    }

    @Test
    void theSecretIsStoredEncrypted() {
        Response created = as(project.key()).body(Map.of("url", RECEIVER)).post("/webhooks");
        String secret = created.path("data.secret");
        String stored = Db.inSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("select secret from webhooks where id = :id", String.class)
                        .setParameter("id", created.<String>path("data.id"))
                        .getSingleResult()));
        assertThat(stored).startsWith("v1:").doesNotContain(secret).doesNotContain(secret.substring(6));
    }

    @Test
    void rotatingGivesANewSecretOnce() {
        String id = as(project.key())
                .body(Map.of("url", RECEIVER))
                .post("/webhooks")
                .path("data.id");
        Response rotated = as(project.key()).body("{}").post("/webhooks/" + id + "/rotate-secret");
        rotated.then()
                .statusCode(200)
                .body("data.secret", startsWith("whsec_"))
                .body("data.previous_secret_expires", notNullValue());
        as(project.key())
                .body(Map.of("grace_seconds", 0))
                .post("/webhooks/" + id + "/rotate-secret")
                .then()
                .statusCode(200)
                .body("data.previous_secret_expires", nullValue());
        as(project.key())
                .post("/webhooks/" + id + "/rotate-secret")
                .then()
                .statusCode(200)
                .body("data.secret", startsWith("whsec_"));
        as(project.key())
                .body(Map.of("grace_seconds", -1))
                .post("/webhooks/" + id + "/rotate-secret")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("grace_seconds"));
        as(project.key()).get("/webhooks/" + id).then().body("data", not(hasKey("secret")));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{}|url|required",
                "{\"url\": \"ftp://example.com/x\"}|url|http",
                "{\"url\": 5}|url|string",
                "{\"url\": \"http://127.0.0.1:9/x#frag\"}|url|fragment",
                "{\"url\": \"http://127.0.0.1:9/x\", \"events\": []}|events|at least one",
                "{\"url\": \"http://127.0.0.1:9/x\", \"events\": [\"media.exploded\"]}|events|Unknown event type",
                "{\"url\": \"http://127.0.0.1:9/x\", \"events\": [\"*\", \"media.ready\"]}|events|alone",
                "{\"url\": \"http://127.0.0.1:9/x\", \"events\": \"media.ready\"}|events|array",
                "{\"url\": \"http://127.0.0.1:9/x\", \"events\": [1]}|events|array",
                "{\"url\": \"http://127.0.0.1:9/x\", \"status\": \"paused\"}|status|active or disabled",
                "{\"url\": \"http://127.0.0.1:9/x\", \"secret\": \"mine\"}|secret|Unknown field",
            })
    void badBodiesAreRefusedNamingTheField(String body, String param, String message) {
        as(project.key())
                .body(body)
                .post("/webhooks")
                .then()
                .statusCode(400)
                .body("error.param", equalTo(param))
                .body("error.message", containsString(message));
    }

    @Test
    void malformedJsonIsA400() {
        as(project.key()).body("{\"url\": ").post("/webhooks").then().statusCode(400);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.1/hook",
                "http://127.0.0.2:8080/hook",
                "http://[::1]/hook",
                "http://192.168.1.1/hook",
                "http://[fd00::1]/hook"
            })
    void privateAndMetadataAddressesAreRefused(String url) {
        as(project.key())
                .body(Map.of("url", url))
                .post("/webhooks")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("url"))
                .body("error.message", containsString("private or internal"));
    }

    @Test
    void aHostThatDoesNotResolveIsRefused() {
        as(project.key())
                .body(Map.of("url", "https://no-such-host.invalid/hook"))
                .post("/webhooks")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("url"))
                .body("error.message", containsString("resolve"));
    }

    @Test
    void updatesAreCheckedLikeCreates() {
        String id = as(project.key())
                .body(Map.of("url", RECEIVER))
                .post("/webhooks")
                .path("data.id");
        as(project.key())
                .body(Map.of("url", "http://10.1.2.3/x"))
                .patch("/webhooks/" + id)
                .then()
                .statusCode(400)
                .body("error.param", equalTo("url"));
        as(project.key())
                .body("{\"events\": null}")
                .patch("/webhooks/" + id)
                .then()
                .statusCode(400)
                .body("error.param", equalTo("events"));
        as(project.key())
                .body("{\"status\": \"gone\"}")
                .patch("/webhooks/" + id)
                .then()
                .statusCode(400)
                .body("error.param", equalTo("status"));
        as(project.key()).get("/webhooks/" + id).then().body("data.url", equalTo(RECEIVER));
    }

    @Test
    void anotherProjectSeesNothing() {
        String id = as(project.key())
                .body(Map.of("url", RECEIVER))
                .post("/webhooks")
                .path("data.id");
        Api.TestProject other = Api.newProject("Webhooks other");
        as(other.key()).get("/webhooks/" + id).then().statusCode(404);
        as(other.key())
                .body(Map.of("status", "disabled"))
                .patch("/webhooks/" + id)
                .then()
                .statusCode(404);
        as(other.key()).delete("/webhooks/" + id).then().statusCode(404);
        as(other.key()).post("/webhooks/" + id + "/rotate-secret").then().statusCode(404);
        as(other.key()).get("/webhooks/" + id + "/deliveries").then().statusCode(404);
        as(other.key()).get("/webhooks").then().statusCode(200).body("data.size()", equalTo(0));
        as(project.key()).get("/webhooks/" + id).then().statusCode(200).body("data.status", equalTo("active"));
    }

    @Test
    void deliveryListsCheckTheirFilters() {
        String id = as(project.key())
                .body(Map.of("url", RECEIVER))
                .post("/webhooks")
                .path("data.id");
        as(project.key())
                .get("/webhooks/" + id + "/deliveries")
                .then()
                .statusCode(200)
                .body("data.size()", equalTo(0));
        as(project.key())
                .get("/webhooks/" + id + "/deliveries?status=lost")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("status"));
        as(project.key())
                .get("/webhooks/" + id + "/deliveries?event_type=x")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("event_type"));
        as(project.key())
                .get("/webhooks/" + id + "/deliveries/dlv_0000000000000000")
                .then()
                .statusCode(404);
    }
}
