package io.mediawerk.files;

import static io.mediawerk.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.mediawerk.source.SourceRepository;
import io.mediawerk.testing.Api;
import io.mediawerk.testing.Db;
import io.mediawerk.testing.TestMedia;
import io.mediawerk.testing.TestStack;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("stack")
@QuarkusTest
class DeliveryTest {

    @Inject
    SourceRepository sources;

    @Test
    void rangesEtagsHeadAndCounting() {
        Api.TestProject project = Api.newProject("Delivery");
        byte[] file = TestMedia.bytes("mp4");
        Response created = Api.upload(project, file, "video/mp4");
        String url = created.path("data.sources[0].url");
        String sourceId = created.path("data.sources[0].id");

        Response full = given().get(url);
        full.then()
                .statusCode(200)
                .header("Content-Type", "video/mp4")
                .header("Accept-Ranges", "bytes")
                .header("Content-Length", String.valueOf(file.length))
                .header("Cache-Control", "public, max-age=31536000, immutable");
        String etag = full.header("ETag");
        assertThat(etag).startsWith("\"");
        assertThat(full.header("Last-Modified")).endsWith("GMT");

        byte[] part = given().header("Range", "bytes=100-199")
                .get(url)
                .then()
                .statusCode(206)
                .header("Content-Range", "bytes 100-199/" + file.length)
                .header("Content-Length", "100")
                .extract()
                .asByteArray();
        assertThat(part).isEqualTo(Arrays.copyOfRange(file, 100, 200));
        byte[] tail = given().header("Range", "bytes=-10")
                .get(url)
                .then()
                .statusCode(206)
                .extract()
                .asByteArray();
        assertThat(tail).isEqualTo(Arrays.copyOfRange(file, file.length - 10, file.length));
        byte[] open = given().header("Range", "bytes=" + (file.length - 5) + "-")
                .get(url)
                .then()
                .statusCode(206)
                .extract()
                .asByteArray();
        assertThat(open).hasSize(5);
        given().header("Range", "bytes=" + file.length + "-")
                .get(url)
                .then()
                .statusCode(416)
                .header("Content-Range", "bytes */" + file.length);
        given().header("If-None-Match", etag).get(url).then().statusCode(304);
        given().head(url).then().statusCode(200).header("Content-Length", String.valueOf(file.length));
        given().post(url).then().statusCode(405);
        given().get("/files/src_0000000000000000.mp4").then().statusCode(404).body("error.code", equalTo("not_found"));
        given().get("/files/..%2F..%2Fetc%2Fpasswd").then().statusCode(404);

        long expectedBytes = file.length + 100 + 10 + 5;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Long> row = Db.inSession(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery(
                                    "select requests, bytes from delivery_counts where source_id = :id", Object[].class)
                            .setParameter("id", sourceId)
                            .getSingleResultOrNull())
                    .map(r -> r == null
                            ? List.<Long>of()
                            : List.of(((Number) r[0]).longValue(), ((Number) r[1]).longValue())));
            // 200, three 206, 304 and HEAD are deliveries; the 416 is not
            assertThat(row).containsExactly(6L, expectedBytes);
        });
    }

    @Test
    void headConditionalAndKeptSmallFilesNeedNoStorageAndAnOutageIsA503ForTheRest() throws IOException {
        Api.TestProject project = Api.newProject("Delivery outage");
        byte[] file = TestMedia.bytes("png");
        String url = Api.upload(project, file, "image/png").path("data.sources[0].url");
        String etag = given().get(url).then().statusCode(200).extract().header("ETag");
        byte[] large = Files.readAllBytes(TestMedia.longWav(1));
        assertThat(large.length).isGreaterThan(64 * 1024);
        String largeUrl = Api.upload(project, large, "audio/wav").path("data.sources[0].url");
        String smallUnread =
                Api.upload(project, TestMedia.bytes("jpeg"), "image/jpeg").path("data.sources[0].url");
        assertThat(given().header("Range", "bytes=1000-1999")
                        .get(largeUrl)
                        .then()
                        .statusCode(206)
                        .extract()
                        .asByteArray())
                .isEqualTo(Arrays.copyOfRange(large, 1000, 2000));
        TestStack.control("s3", "stop");
        try {
            given().head(url).then().statusCode(200).header("Content-Length", String.valueOf(file.length));
            given().header("If-None-Match", etag).get(url).then().statusCode(304);
            // read once, so kept in memory: answered without S3, whole and in ranges
            assertThat(given().get(url).then().statusCode(200).extract().asByteArray())
                    .isEqualTo(file);
            assertThat(given().header("Range", "bytes=10-19")
                            .get(url)
                            .then()
                            .statusCode(206)
                            .header("Content-Range", "bytes 10-19/" + file.length)
                            .extract()
                            .asByteArray())
                    .isEqualTo(Arrays.copyOfRange(file, 10, 20));
            assertThat(given().get("/q/metrics").asString())
                    .containsPattern(
                            "cache_gets_total\\{cache=\"mediawerk.delivery.small-files\",result=\"hit\"[^}]*} [1-9]");
            for (String notKept : List.of(largeUrl, smallUnread)) {
                given().get(notKept)
                        .then()
                        .statusCode(503)
                        .header("Retry-After", "5")
                        .body("error.code", equalTo("storage_unavailable"));
            }
        } finally {
            TestStack.control("s3", "start");
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(given().get(largeUrl)
                                .then()
                                .statusCode(200)
                                .extract()
                                .asByteArray())
                        .isEqualTo(large));
        given().get(smallUnread).then().statusCode(200);
    }

    @Test
    void aSmallFileWhoseStoredSizeIsWrongIsRefusedNotCut() {
        Api.TestProject project = Api.newProject("Wrong size");
        Response created = Api.upload(project, TestMedia.bytes("png"), "image/png");
        String url = created.path("data.sources[0].url");
        String sourceId = created.path("data.sources[0].id");
        Db.inTransaction(() -> sources.findById(sourceId).invoke(found -> found.filesize = 10L));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> given().get(url)
                        .then()
                        .statusCode(500)
                        .body("error.code", equalTo("internal_error"))
                        .header("Content-Length", not(equalTo("10"))));
    }

    @Test
    void sourcesCanBeListedRelabelledAndTheOriginalIsProtected() {
        Api.TestProject project = Api.newProject("Sources");
        String mediaId =
                Api.upload(project, TestMedia.bytes("png"), "image/png").path("data.id");
        Api.upload(project, TestMedia.bytes("wav"), "audio/wav");
        as(project.key()).get("/sources").then().statusCode(200).body("meta.total", equalTo(2));
        as(project.key()).get("/sources?kind=audio").then().body("meta.total", equalTo(1));
        as(project.key()).get("/sources?media_id=" + mediaId).then().body("meta.total", equalTo(1));
        String id = as(project.key()).get("/sources?media_id=" + mediaId).path("data[0].id");
        as(project.key())
                .body("{\"label\": \"master\", \"metadata\": {\"by\": \"test\"}}")
                .patch("/sources/" + id)
                .then()
                .statusCode(200)
                .body("data.label", equalTo("master"))
                .body("data.metadata.by", equalTo("test"));
        as(project.key()).get("/sources?label=master").then().body("meta.total", equalTo(1));
        as(project.key())
                .body("{\"label\": \"../../etc\"}")
                .patch("/sources/" + id)
                .then()
                .statusCode(400)
                .body("error.param", equalTo("label"));
        as(project.key())
                .body("{\"label\": \"original\"}")
                .patch("/sources/" + id)
                .then()
                .statusCode(200);
        as(project.key())
                .delete("/sources/" + id)
                .then()
                .statusCode(409)
                .body("error.code", equalTo("original_source"));
        as(project.key()).get("/sources?media_id=bogus").then().statusCode(400);
    }
}
