package io.mediawerk.domain;

import static io.mediawerk.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.mediawerk.testing.Api;
import io.mediawerk.testing.Db;
import io.mediawerk.testing.FileServer;
import io.mediawerk.testing.TestDns;
import io.mediawerk.testing.TestMedia;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Custom domains against a DNS server and a web server of the test's own (no internet): verification by TXT record
 * (on demand) and by HTTP token (periodically), what a failed check says, the deadline, and delivery by Host.
 */
@Tag("stack")
@QuarkusTest
class DomainsTest {

    private static final TestDns DNS = TestDns.shared();

    @Test
    void aTxtRecordVerifiesAndTheDomainServesTheProjectsFilesOnly() {
        Api.TestProject project = Api.newProject("Domains");
        Response created = as(project.key())
                .body(Map.of("hostname", "Media.Example.TEST."))
                .post("/domains");
        created.then()
                .statusCode(201)
                .rootPath("data")
                .body("object", equalTo("domain"))
                .body("hostname", equalTo("media.example.test"))
                .body("status", equalTo("pending"))
                .body("verification.dns.type", equalTo("TXT"))
                .body("verification.dns.name", equalTo("_mediawerk-challenge.media.example.test"))
                .body("verification.http.url", startsWith("http://media.example.test/.well-known/"));
        String id = created.path("data.id");
        String value = created.path("data.verification.dns.value");

        byte[] png = TestMedia.bytes("png");
        String mediaId = Api.upload(project, png, "image/png")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        String before = as(project.key()).get("/media/" + mediaId).path("data.sources[0].url");
        assertThat(before).startsWith(ConfigProvider.getConfig().getValue("mediawerk.public-base-url", String.class));

        DNS.txt("_mediawerk-challenge.media.example.test", "v=spf1 -all", value);
        as(project.key())
                .post("/domains/" + id + "/verify")
                .then()
                .statusCode(200)
                .rootPath("data")
                .body("status", equalTo("active"))
                .body("verified_by", equalTo("dns"))
                .body("last_error", nullValue());

        String url = as(project.key()).get("/media/" + mediaId).path("data.sources[0].url");
        assertThat(url).startsWith("https://media.example.test/files/");
        String path = url.substring("https://media.example.test".length());
        Response file = onHost("media.example.test").get(path);
        file.then().statusCode(200).header("Cache-Control", containsString("public"));
        assertThat(file.asByteArray()).isEqualTo(png);
        onHost("media.example.test")
                .header("Range", "bytes=0-3")
                .get(path)
                .then()
                .statusCode(206);

        Api.TestProject other = Api.newProject("Domains other");
        String otherMedia = Api.upload(other, png, "image/png")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        String otherUrl = as(other.key()).get("/media/" + otherMedia).path("data.sources[0].url");
        String otherPath = otherUrl.substring(otherUrl.indexOf("/files/"));
        onHost("media.example.test").get(otherPath).then().statusCode(404);
        given().get(otherUrl).then().statusCode(200);
        onHost("media.example.test")
                .header("Authorization", "Bearer " + project.key())
                .get("/media")
                .then()
                .statusCode(404)
                .body("error.message", containsString("files only"));

        as(other.key())
                .body(Map.of("hostname", "media.example.test"))
                .post("/domains")
                .then()
                .statusCode(409)
                .body("error.code", equalTo("domain_taken"));
        as(project.key())
                .body(Map.of("hostname", "media.example.test"))
                .post("/domains")
                .then()
                .statusCode(409);
        as(other.key()).get("/domains/" + id).then().statusCode(404);
        as(project.key()).get("/domains").then().statusCode(200).body("data.id", org.hamcrest.Matchers.hasItem(id));

        as(project.key()).delete("/domains/" + id).then().statusCode(200).body("data.deleted", equalTo(true));
        assertThat(as(project.key()).get("/media/" + mediaId).<String>path("data.sources[0].url"))
                .isEqualTo(before);
        onHost("media.example.test").get(otherPath).then().statusCode(200);
    }

    @Test
    void anHttpTokenVerifiesOnThePeriodicCheck() throws Exception {
        Api.TestProject project = Api.newProject("Domains HTTP");
        Response created = as(project.key())
                .body(Map.of("hostname", "cdn.web.example.test"))
                .post("/domains");
        String id = created.path("data.id");
        String token = created.path("data.verification.http.body");
        DNS.a("cdn.web.example.test", InetAddress.getLoopbackAddress());
        FileServer.shared()
                .put(
                        "/.well-known/mediawerk-verification/" + token,
                        new FileServer.Bytes((token + "\n").getBytes(StandardCharsets.UTF_8), "text/plain"));

        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        "active".equals(as(project.key()).get("/domains/" + id).path("data.status")));
        as(project.key()).get("/domains/" + id).then().body("data.verified_by", equalTo("http"));
    }

    @Test
    void whatAFailedCheckSaysAndTheDeadline() throws Exception {
        Api.TestProject project = Api.newProject("Domains failing");
        String id = as(project.key())
                .body(Map.of("hostname", "nothing.example.test"))
                .post("/domains")
                .path("data.id");
        as(project.key())
                .post("/domains/" + id + "/verify")
                .then()
                .statusCode(200)
                .rootPath("data")
                .body("status", equalTo("pending"))
                .body("last_error", containsString("DNS: no TXT record at _mediawerk-challenge.nothing.example.test"))
                .body("last_error", containsString("HTTP:"));

        String privateId = as(project.key())
                .body(Map.of("hostname", "inside.example.test"))
                .post("/domains")
                .path("data.id");
        DNS.a("inside.example.test", InetAddress.getByName("10.1.2.3"));
        as(project.key())
                .post("/domains/" + privateId + "/verify")
                .then()
                .rootPath("data")
                .body("status", equalTo("pending"))
                .body("last_error", containsString("private address"));

        Db.inTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "update domains set check_until = now() - interval '1 second' where id = :id")
                        .setParameter("id", id)
                        .executeUpdate()));
        as(project.key())
                .post("/domains/" + id + "/verify")
                .then()
                .statusCode(200)
                .rootPath("data")
                .body("status", equalTo("failed"))
                .body("failure_reason", containsString("Not verified by"));
        as(project.key())
                .post("/domains/" + id + "/verify")
                .then()
                .statusCode(409)
                .body("error.code", equalTo("domain_failed"));
        // a failed claim leaves the hostname free
        as(project.key())
                .body(Map.of("hostname", "nothing.example.test"))
                .post("/domains")
                .then()
                .statusCode(201);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "http://media.example.com",
                "media.example.com/path",
                "media.example.com:8080",
                "10.0.0.1",
                "[::1]",
                "::1",
                "nodots",
                "-bad.example.com",
                "bad-.example.com",
                "a..example.com",
                "under_score.example.com",
                "media.localhost",
                "media.example.123"
            })
    void hostnamesThatAreNotOwnDnsNames(String hostname) {
        Api.TestProject project = Api.newProject("Domains bad");
        as(project.key())
                .body(Map.of("hostname", hostname))
                .post("/domains")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("hostname"));
    }

    @Test
    void otherBadRequests() {
        Api.TestProject project = Api.newProject("Domains bodies");
        as(project.key()).body("{}").post("/domains").then().statusCode(400).body("error.param", equalTo("hostname"));
        as(project.key()).body("{\"hostname\": 5}").post("/domains").then().statusCode(400);
        as(project.key())
                .body("{\"hostname\": \"a.example.test\", \"tls\": true}")
                .post("/domains")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("tls"));
        as(project.key())
                .body(Map.of("hostname", "x".repeat(64) + ".example.test"))
                .post("/domains")
                .then()
                .statusCode(400);
        as(project.key()).get("/domains/dom_0000000000000000").then().statusCode(404);
        as(project.key()).post("/domains/nope/verify").then().statusCode(404);
    }

    private static io.restassured.specification.RequestSpecification onHost(String host) {
        return given().header("Host", host);
    }
}
