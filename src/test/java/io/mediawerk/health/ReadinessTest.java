package io.mediawerk.health;

import static io.mediawerk.testing.Api.admin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.oneOf;

import io.mediawerk.testing.TestStack;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Readiness follows each dependency down and back up; liveness never does; requests survive a database restart. */
@Tag("stack")
@QuarkusTest
class ReadinessTest {

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "kafka", "s3"})
    void readinessFollowsEachDependency(String component) {
        awaitReady();
        TestStack.control(component, "stop");
        try {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().get("/q/health/ready")
                            .then()
                            .statusCode(503)
                            .body("status", equalTo("DOWN")));
            given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            TestStack.control(component, "start");
        }
        awaitReady();
    }

    @Test
    void requestsFailWith503WhileTheDatabaseIsDownAndRecoverAfter() {
        awaitReady();
        admin().get("/projects").then().statusCode(200);
        TestStack.control("postgres", "stop");
        try {
            admin().get("/projects")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "5")
                    .body("meta.type", equalTo("error"))
                    .body("error.code", oneOf("service_unavailable", "database_unavailable"));
        } finally {
            TestStack.control("postgres", "start");
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> admin().get("/projects").then().statusCode(200));
    }

    private static void awaitReady() {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() ->
                        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("kafka")));
    }
}
