package io.mediawerk.idempotency;

import static io.mediawerk.testing.Api.admin;
import static org.hamcrest.Matchers.equalTo;

import io.mediawerk.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("stack")
@QuarkusTest
class IdempotencyTest {

    @Test
    void sameKeySameBodyReplaysTheFirstResponse() {
        String key = UUID.randomUUID().toString();
        Response first = admin().header("Idempotency-Key", key)
                .body("{\"name\":\"Once\"}")
                .post("/projects");
        first.then().statusCode(201);
        Response again = admin().header("Idempotency-Key", key)
                .body("{\"name\":\"Once\"}")
                .post("/projects");
        again.then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("data.id", equalTo(first.path("data.id")))
                .body("data.created", equalTo(first.path("data.created")))
                .body("links.self", equalTo(first.path("links.self")));
        long named = admin().get("/projects?limit=250").jsonPath().getList("data.name").stream()
                .filter("Once"::equals)
                .count();
        org.assertj.core.api.Assertions.assertThat(named).isEqualTo(1);
    }

    @Test
    void sameKeyOtherBodyIsAConflict() {
        String key = UUID.randomUUID().toString();
        admin().header("Idempotency-Key", key)
                .body("{\"name\":\"First\"}")
                .post("/projects")
                .then()
                .statusCode(201);
        admin().header("Idempotency-Key", key)
                .body("{\"name\":\"Second\"}")
                .post("/projects")
                .then()
                .statusCode(409)
                .body("error.code", equalTo("idempotency_key_reused"));
    }

    @Test
    void createdSecretsAreNeverStoredForReplay() {
        String key = UUID.randomUUID().toString();
        Api.TestProject project = Api.newProject("Idem");
        Response first = admin().header("Idempotency-Key", key)
                .body("{\"name\":\"k\"}")
                .post("/projects/" + project.id() + "/keys");
        first.then().statusCode(201).body("data.key", org.hamcrest.Matchers.startsWith("mwk_"));
        // the replay is the same key, but its secret is never stored, so it is not shown again
        admin().header("Idempotency-Key", key)
                .body("{\"name\":\"k\"}")
                .post("/projects/" + project.id() + "/keys")
                .then()
                .statusCode(201)
                .body("data.id", equalTo(first.path("data.id")))
                .body("data.key", org.hamcrest.Matchers.nullValue());
        admin().get("/projects/" + project.id() + "/keys").then().body("data.size()", equalTo(2));
        // the same key on another endpoint is another request
        admin().header("Idempotency-Key", key)
                .body("{\"name\":\"k\"}")
                .post("/projects")
                .then()
                .statusCode(409);
    }

    @Test
    void malformedKeysAreRefused() {
        admin().header("Idempotency-Key", "short")
                .body("{\"name\":\"x\"}")
                .post("/projects")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("Idempotency-Key"));
        admin().header("Idempotency-Key", "x".repeat(65))
                .body("{\"name\":\"x\"}")
                .post("/projects")
                .then()
                .statusCode(400);
    }

    @Test
    void failedRequestsFreeTheKey() {
        String key = UUID.randomUUID().toString();
        admin().header("Idempotency-Key", key)
                .body("{\"name\":\"\"}")
                .post("/projects")
                .then()
                .statusCode(400);
        admin().header("Idempotency-Key", key)
                .body("{\"name\":\"\"}")
                .post("/projects")
                .then()
                .statusCode(400);
        admin().header("Idempotency-Key", key)
                .body("{\"name\":\"fixed\"}")
                .post("/projects")
                .then()
                .statusCode(201);
    }
}
