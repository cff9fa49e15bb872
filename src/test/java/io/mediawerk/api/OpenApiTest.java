package io.mediawerk.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("stack")
@QuarkusTest
class OpenApiTest {

    private static final Path COMMITTED = Path.of("docs/openapi.yaml");
    private static final String REF = "#/components/schemas/";

    @Test
    void theCommittedDocumentIsTheOneServed() throws IOException {
        byte[] served =
                given().get("/q/openapi").then().statusCode(200).extract().asByteArray();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        if (!yaml.readTree(served).equals(yaml.readTree(COMMITTED.toFile()))) {
            Path fresh = Path.of("target/openapi-served.yaml");
            Files.write(fresh, served);
            throw new AssertionError("docs/openapi.yaml is stale: the API changed. Run bin/update-openapi (it writes"
                    + " the document into docs/ and regenerates the clients) and commit the result; " + fresh
                    + " is the document served now.");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsTypedNamedAndDocumentsItsErrors() {
        Map<String, Object> document = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        Map<String, Map<String, Object>> schemas =
                (Map<String, Map<String, Object>>) ((Map<String, Object>) document.get("components")).get("schemas");
        assertThat(paths)
                .containsKeys(
                        "/projects",
                        "/projects/{id}",
                        "/projects/{projectId}/keys",
                        "/projects/{projectId}/keys/{keyId}");
        Set<String> operationIds = new HashSet<>();
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, value) -> {
            Map<String, Object> operation = (Map<String, Object>) value;
            String name = method + " " + path;
            assertThat(operationIds.add((String) operation.get("operationId")))
                    .as(name + " has an operation id of its own")
                    .isTrue();
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            assertThat(responses).as(name).containsKeys("400", "401", "403", "429", "503");
            if (path.contains("{")) {
                assertThat(responses).as(name).containsKey("404");
            }
            responses.forEach((status, response) -> {
                Map<String, Object> schema = schemaOf(response);
                assertThat(schema).as(name + " " + status + " has a schema").isNotNull();
                Map<String, Object> shape = schemas.get(((String) schema.get("$ref")).substring(REF.length()));
                Map<String, Object> properties = (Map<String, Object>) shape.get("properties");
                assertThat(properties)
                        .as(name + " " + status + " is an envelope")
                        .containsKeys("meta", "links");
                assertThat(properties.containsKey("data") || properties.containsKey("error"))
                        .as(name + " " + status + " carries data or an error")
                        .isTrue();
            });
            if (method.equals("post") || method.equals("patch")) {
                Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                if (body == null) {
                    assertThat(path).as(name + " takes no body").matches(".*/(verify|resend)$");
                    return;
                }
                Map<String, Object> schema = schemaOf(body);
                Map<String, Object> shape = schemas.get(((String) schema.get("$ref")).substring(REF.length()));
                assertThat(shape.containsKey("properties") || shape.containsKey("oneOf"))
                        .as(name + " documents its request fields")
                        .isTrue();
            }
        }));
        assertThat((List<Map<String, Object>>) document.get("security")).containsExactly(Map.of("bearer", List.of()));
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schemaOf(Map<String, Object> bodyOrResponse) {
        Map<String, Object> content = (Map<String, Object>) bodyOrResponse.get("content");
        if (content == null || !content.containsKey("application/json")) {
            return null;
        }
        return (Map<String, Object>) ((Map<String, Object>) content.get("application/json")).get("schema");
    }
}
