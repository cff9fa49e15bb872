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

import io.mediawerk.testing.Api;
import io.mediawerk.testing.TestStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
        created.then()
                .statusCode(201)
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
            admin().body("{\"name\":\"Paging " + i + "\"}")
                    .post("/projects")
                    .then()
                    .statusCode(201);
        }
        Response first = admin().get("/projects?limit=2&sort=created&order=asc");
        first.then()
                .statusCode(200)
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
        admin().get("/projects?limit=2&sort=created&order=asc&page=" + pages)
                .then()
                .statusCode(200)
                .body("links.next", nullValue())
                .body("links.prev", endsWith("page=" + (pages - 1)))
                .body("links.last", endsWith("page=" + pages));
        admin().get("/projects?page=" + (pages + 5) + "&limit=2")
                .then()
                .statusCode(200)
                .body("data.size()", equalTo(0))
                .body("meta.total", equalTo(total));
    }

    @ParameterizedTest
    @CsvSource({
        "limit=0, limit",
        "limit=251, limit",
        "limit=abc, limit",
        "page=-1, page",
        "page=0, page",
        "sort=bogus, sort",
        "order=sideways, order"
    })
    void badListParametersAreNamed(String query, String param) {
        admin().get("/projects?" + query)
                .then()
                .statusCode(400)
                .body("meta.type", equalTo("error"))
                .body("error.code", equalTo("invalid_parameter"))
                .body("error.param", equalTo(param))
                .body("error.message", containsString(param));
    }

    @Test
    void versionsAreNegotiated() {
        admin().header("Ittybit-Version", "2024-03-21")
                .get("/projects")
                .then()
                .statusCode(200)
                .body("meta.version", equalTo("2024-03-21"))
                .header("Ittybit-Version", "2024-03-21");
        admin().header("Accept-Version", "2024-03-21")
                .get("/projects")
                .then()
                .statusCode(200)
                .body("meta.version", equalTo("2024-03-21"));
        admin().get("/projects").then().body("meta.version", equalTo(ApiVersions.LATEST));
        admin().header("Ittybit-Version", "1999-01-01")
                .get("/projects")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("unsupported_version"))
                .body("error.param", equalTo("Ittybit-Version"))
                .body("error.message", containsString("2024-03-21, 2024-08-21"));
    }

    @Test
    void malformedJsonIsA400() {
        admin().body("{\"name\": ")
                .post("/projects")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("invalid_json"))
                .body("error.message", containsString("line 1"));
        admin().body("[1,2]").post("/projects").then().statusCode(400).body("error.code", equalTo("invalid_body"));
        admin().body("{\"name\":\"a\"} trailing").post("/projects").then().statusCode(400);
    }

    @Test
    void wrongTypesAndUnknownFieldsNameTheField() {
        admin().body("{\"name\": 5}")
                .post("/projects")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("invalid_type"))
                .body("error.param", equalTo("name"))
                .body("error.message", containsString("must be a string"));
        admin().body("{\"name\": {\"a\":1}}")
                .post("/projects")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("name"));
        admin().body("{\"name\": \"ok\", \"colour\": \"red\"}")
                .post("/projects")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("unknown_field"))
                .body("error.param", equalTo("colour"))
                .body("error.message", containsString("Allowed fields: name"));
    }

    @Test
    void missingOrBlankFieldsAreNamed() {
        admin().post("/projects").then().statusCode(400).body("error.code", equalTo("missing_body"));
        admin().body("{}").post("/projects").then().statusCode(400).body("error.param", equalTo("name"));
        admin().body("{\"name\":\"   \"}")
                .post("/projects")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("name"));
        admin().body("{\"name\":\"" + "x".repeat(101) + "\"}")
                .post("/projects")
                .then()
                .statusCode(400)
                .body("error.message", containsString("at most 100"));
    }

    @Test
    void oversizedBodyIsA413() {
        String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        admin().body(big).post("/projects").then().statusCode(413).body("error.code", equalTo("body_too_large"));
    }

    @Test
    void textThatIsNotValidUnicodeIsA400NamingTheField() {
        admin().body("{\"name\":\"half \\ud800 pair\"}")
                .post("/projects")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("invalid_unicode"))
                .body("error.param", equalTo("name"));
        String id = admin().body("{\"name\":\"Unicode\"}")
                .post("/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        admin().body("{\"name\":\"\\udc00\"}")
                .patch("/projects/" + id)
                .then()
                .statusCode(400)
                .body("error.code", equalTo("invalid_unicode"))
                .body("error.param", equalTo("name"));
        admin().body("{\"name\":\"pair \\ud83d\\ude00 kept\"}")
                .patch("/projects/" + id)
                .then()
                .statusCode(200)
                .body("data.name", equalTo("pair \uD83D\uDE00 kept"));
        Api.TestProject project = Api.newProject("Unicode metadata");
        Api.as(project.key())
                .body("{\"metadata\":{\"notes\":[\"fine\",\"\\ud800\"]}}")
                .post("/uploads")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("invalid_unicode"))
                .body("error.param", equalTo("metadata.notes[1]"));
        Api.as(project.key())
                .body("{\"metadata\":{\"\\ud800\":1}}")
                .post("/uploads")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("invalid_unicode"));
    }

    @Test
    void bodiesOverTheLimitAreAnsweredInTheEnvelope() throws IOException {
        String head = "POST /projects HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestStack.adminKey()
                + "\r\nConnection: close\r\n";
        // announced: answered before a byte of the body is read
        String announced = raw(head + "Content-Type: text/plain\r\nContent-Length: 11534336\r\n\r\n", new byte[0]);
        assertThat(announced).startsWith("HTTP/1.1 413").contains("\"code\":\"body_too_large\"");
        // streamed without a length: answered once it is over
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        byte[] name = "x".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
        chunk(chunks, "{\"name\":\"".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 12; i++) {
            chunk(chunks, name);
        }
        chunk(chunks, "\"}".getBytes(StandardCharsets.US_ASCII));
        chunks.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        String streamed = raw(
                head + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", chunks.toByteArray());
        assertThat(streamed).startsWith("HTTP/1.1 413").contains("\"code\":\"body_too_large\"");
        // a small body streamed without a length is taken as usual
        ByteArrayOutputStream small = new ByteArrayOutputStream();
        chunk(small, "{\"name\":".getBytes(StandardCharsets.US_ASCII));
        chunk(small, "\"Streamed\"}".getBytes(StandardCharsets.US_ASCII));
        small.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        String taken =
                raw(head + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", small.toByteArray());
        assertThat(taken).startsWith("HTTP/1.1 201").contains("\"name\":\"Streamed\"");
    }

    private static void chunk(ByteArrayOutputStream body, byte[] data) throws IOException {
        body.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(data);
        body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Sends a request as raw bytes (the server may stop reading it) and returns the whole answer. */
    private static String raw(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(body);
                out.flush();
            } catch (IOException closedEarly) {
                // the server answered and closed before taking the whole body: its answer is still there to read
            }
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void overlongUrlsAndHeadersAreAnsweredInTheEnvelope() {
        admin().get("/media/" + "a".repeat(5000))
                .then()
                .statusCode(414)
                .body("meta.type", equalTo("error"))
                .body("error.code", equalTo("uri_too_long"))
                .body("error.message", containsString("the limit is 4096"));
        admin().header("X-Padding", "p".repeat(30_000))
                .get("/projects")
                .then()
                .statusCode(431)
                .body("meta.type", equalTo("error"))
                .body("error.code", equalTo("headers_too_large"));
        given().get("/files/" + "f".repeat(5000) + ".png")
                .then()
                .statusCode(414)
                .body("error.code", equalTo("uri_too_long"));
    }

    @Test
    void wrongMethodAndMediaTypeAndRoute() {
        admin().put("/projects").then().statusCode(405).body("error.code", equalTo("method_not_allowed"));
        admin().contentType(ContentType.TEXT)
                .body("name=x")
                .post("/projects")
                .then()
                .statusCode(415)
                .body("error.code", equalTo("unsupported_media_type"));
        given().get("/no-such-thing")
                .then()
                .statusCode(404)
                .body("error.code", equalTo("route_not_found"))
                .body("meta.id", notNullValue());
    }

    @Test
    void unknownIdsAre404() {
        admin().get("/projects/prj_0000000000000000").then().statusCode(404).body("error.code", equalTo("not_found"));
        admin().get("/projects/../etc/passwd").then().statusCode(404);
        admin().get("/projects/not-an-id").then().statusCode(404).body("error.code", equalTo("not_found"));
    }
}
