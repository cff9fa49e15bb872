package io.mediawerk.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("stack")
@QuarkusTest
class OpenApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyEndpointDocumentsItsErrors() {
        Map<String, Object> paths = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .path("paths");
        assertThat(paths)
                .containsKeys(
                        "/projects",
                        "/projects/{id}",
                        "/projects/{projectId}/keys",
                        "/projects/{projectId}/keys/{keyId}");
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, op) -> {
            Map<String, Object> responses = (Map<String, Object>) ((Map<String, Object>) op).get("responses");
            assertThat(responses).as(method + " " + path).containsKeys("400", "401", "403", "503");
            if (path.contains("{")) {
                assertThat(responses).as(method + " " + path).containsKey("404");
            }
        }));
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}
