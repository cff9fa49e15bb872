package io.mediawerk.api;

import static io.mediawerk.testing.Api.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("stack")
@QuarkusTest
class ConventionsTest {

    private static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @Test
    void objectResponsesHaveMetaDataAndLinks() {
        Response created = admin().body("{\"name\":\"Envelope\"}").post("/projects");
        created.then().statusCode(201)
                .header("X-Request-Id", matchesPattern("req_[0-9A-Za-z]{16}"))
                .body("meta.id", equalTo(created.header("X-Request-Id")))
                .body("meta.method", equalTo("POST"))
                .body("meta.url", equalTo("/projects"))
                .body("meta.version", equalTo(ApiVersions.LATEST))
                .body("meta.status", equalTo(201))
                .body("meta.type", equalTo("object"))
                .body("meta.org_id", matchesPattern("org_[0-9A-Za-z]{16}"))
                .body("data.id", matchesPattern("prj_[0-9A-Za-z]{16}"))
                .body("data.object", equalTo("project"))
                .body("data.name", equalTo("Envelope"))
                .body("data.created", matchesPattern(TIME))
                .body("data.updated", matchesPattern(TIME))
                .body("links.self", endsWith("/projects/" + created.path("data.id")))
                .body("links.parent", endsWith("/projects"));
        assertThat(created.jsonPath().getString("links.self")).startsWith("http://127.0.0.1:");
    }

    @Test
    void listsHavePagingMetaAndLinks() {
        for (int i = 0; i < 3; i++) {
            admin().body("{\"name\":\"Paging " + i + "\"}").post("/projects").then().statusCode(201);
        }
        Response first = admin().get("/projects?limit=2&sort=created&order=asc");
        first.then().statusCode(200)
                .body("meta.type", equalTo("list"))
                .body("meta.limit", equalTo(2))
                .body("meta.page", equalTo(1))
                .body("data.size()", equalTo(2))
                .body("links.prev", nullValue())
                .body("links.first", endsWith("/projects?limit=2&sort=created&order=asc&page=1"))
                .body("links.next", endsWith("/projects?limit=2&sort=created&order=asc&page=2"));
        int total = first.path("meta.total");
        int pages = first.path("meta.pages");
        assertThat(pages).isEqualTo((total + 1) / 2);
        admin().get("/projects?limit=2&sort=created&order=asc&page=" + pages).then().statusCode(200)
                .body("links.next", nullValue())
                .body("links.prev", endsWith("page=" + (pages - 1)))
                .body("links.last", endsWith("page=" + pages));
        admin().get("/projects?page=" + (pages + 5) + "&limit=2").then().statusCode(200)
                .body("data.size()", equalTo(0))
                .body("meta.total", equalTo(total));
    }

    @ParameterizedTest
    @CsvSource({
        "limit=0, limit", "limit=251, limit", "limit=abc, limit", "page=-1, page", "page=0, page",
        "sort=bogus, sort", "order=sideways, order"})
    void badListParametersAreNamed(String query, String param) {
        admin().get("/projects?" + query).then().statusCode(400)
                .body("meta.type", equalTo("error"))
                .body("error.code", equalTo("invalid_parameter"))
                .body("error.param", equalTo(param))
                .body("error.message", containsString(param));
    }

    @Test
    void versionsAreNegotiated() {
        admin().header("Ittybit-Version", "2024-03-21").get("/projects").then().statusCode(200)
                .body("meta.version", equalTo("2024-03-21")).header("Ittybit-Version", "2024-03-21");
        admin().header("Accept-Version", "2024-03-21").get("/projects").then().statusCode(200)
                .body("meta.version", equalTo("2024-03-21"));
        admin().get("/projects").then().body("meta.version", equalTo(ApiVersions.LATEST));
        admin().header("Ittybit-Version", "1999-01-01").get("/projects").then().statusCode(400)
                .body("error.code", equalTo("unsupported_version"))
                .body("error.param", equalTo("Ittybit-Version"))
                .body("error.message", containsString("2024-03-21, 2024-08-21"));
    }

    @Test
    void malformedJsonIsA400() {
        admin().body("{\"name\": ").post("/projects").then().statusCode(400)
                .body("error.code", equalTo("invalid_json"))
                .body("error.message", containsString("line 1"));
        admin().body("[1,2]").post("/projects").then().statusCode(400)
                .body("error.code", equalTo("invalid_body"));
        admin().body("{\"name\":\"a\"} trailing").post("/projects").then().statusCode(400);
    }

    @Test
    void wrongTypesAndUnknownFieldsNameTheField() {
        admin().body("{\"name\": 5}").post("/projects").then().statusCode(400)
                .body("error.code", equalTo("invalid_type"))
                .body("error.param", equalTo("name"))
                .body("error.message", containsString("must be a string"));
        admin().body("{\"name\": {\"a\":1}}").post("/projects").then().statusCode(400)
                .body("error.param", equalTo("name"));
        admin().body("{\"name\": \"ok\", \"colour\": \"red\"}").post("/projects").then().statusCode(400)
                .body("error.code", equalTo("unknown_field"))
                .body("error.param", equalTo("colour"))
                .body("error.message", containsString("Allowed fields: name"));
    }

    @Test
    void missingOrBlankFieldsAreNamed() {
        admin().post("/projects").then().statusCode(400).body("error.code", equalTo("missing_body"));
        admin().body("{}").post("/projects").then().statusCode(400).body("error.param", equalTo("name"));
        admin().body("{\"name\":\"   \"}").post("/projects").then().statusCode(400)
                .body("error.param", equalTo("name"));
        admin().body("{\"name\":\"" + "x".repeat(101) + "\"}").post("/projects").then().statusCode(400)
                .body("error.message", containsString("at most 100"));
    }

    @Test
    void oversizedBodyIsA413() {
        String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        admin().body(big).post("/projects").then().statusCode(413)
                .body("error.code", equalTo("body_too_large"));
    }

    @Test
    void overlongUrlsAndHeadersAreAnsweredInTheEnvelope() {
        admin().get("/media/" + "a".repeat(5000)).then().statusCode(414)
                .body("meta.type", equalTo("error")).body("error.code", equalTo("uri_too_long"))
                .body("error.message", containsString("the limit is 4096"));
        admin().header("X-Padding", "p".repeat(30_000)).get("/projects").then().statusCode(431)
                .body("meta.type", equalTo("error")).body("error.code", equalTo("headers_too_large"));
        given().get("/files/" + "f".repeat(5000) + ".png").then().statusCode(414)
                .body("error.code", equalTo("uri_too_long"));
    }

    @Test
    void wrongMethodAndMediaTypeAndRoute() {
        admin().put("/projects").then().statusCode(405).body("error.code", equalTo("method_not_allowed"));
        admin().contentType(ContentType.TEXT).body("name=x").post("/projects").then().statusCode(415)
                .body("error.code", equalTo("unsupported_media_type"));
        given().get("/no-such-thing").then().statusCode(404)
                .body("error.code", equalTo("route_not_found"))
                .body("meta.id", notNullValue());
    }

    @Test
    void unknownIdsAre404() {
        admin().get("/projects/prj_0000000000000000").then().statusCode(404)
                .body("error.code", equalTo("not_found"));
        admin().get("/projects/../etc/passwd").then().statusCode(404);
        admin().get("/projects/not-an-id").then().statusCode(404).body("error.code", equalTo("not_found"));
    }
}
