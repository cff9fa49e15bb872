package io.mediawerk.media;

import static io.mediawerk.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.mediawerk.api.Times;
import io.mediawerk.storage.Storage;
import io.mediawerk.storage.StorageKeys;
import io.mediawerk.testing.Api;
import io.mediawerk.testing.Db;
import io.mediawerk.testing.TestMedia;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("stack")
@QuarkusTest
class MediaTest {

    @Inject
    Storage storage;

    @Inject
    MediaRepository media;

    @Test
    void listFiltersSortsAndPages() {
        Api.TestProject project = Api.newProject("Listing");
        String image = upload(project, "png");
        String audio = upload(project, "wav");
        String video = upload(project, "mp4");
        as(project.key())
                .get("/media")
                .then()
                .statusCode(200)
                .body("meta.total", equalTo(3))
                .body("meta.limit", equalTo(10))
                .body("data[0].id", equalTo(video));
        as(project.key())
                .get("/media?kind=image")
                .then()
                .body("meta.total", equalTo(1))
                .body("data[0].id", equalTo(image));
        List<String> bySize =
                as(project.key()).get("/media?sort=filesize&order=asc").path("data.id");
        assertThat(bySize).hasSize(3);
        List<Integer> sizes =
                as(project.key()).get("/media?sort=filesize&order=asc").path("data.filesize");
        assertThat(sizes).isSorted();
        as(project.key())
                .get("/media?limit=1&page=2")
                .then()
                .body("data.size()", equalTo(1))
                .body("links.next", org.hamcrest.Matchers.containsString("page=3"));
        as(project.key()).get("/media?kind=document").then().statusCode(400).body("error.param", equalTo("kind"));
        as(project.key()).get("/media?sort=name").then().statusCode(400).body("error.param", equalTo("sort"));
        as(project.key()).get("/media?limit=251").then().statusCode(400);
        assertThat(audio).startsWith("med_");
    }

    @Test
    void updateMergesMetadataAndSetsExpiry() {
        Api.TestProject project = Api.newProject("Updates");
        String id = upload(project, "png");
        as(project.key())
                .body("{\"metadata\": {\"a\": 1, \"b\": \"two\"}, \"title\": \"Cat\", \"alt\": \"A cat\"}")
                .patch("/media/" + id)
                .then()
                .statusCode(200)
                .body("data.metadata.a", equalTo(1))
                .body("data.title", equalTo("Cat"))
                .body("data.alt", equalTo("A cat"));
        as(project.key())
                .body("{\"metadata\": {\"a\": null, \"c\": [1, 2]}}")
                .patch("/media/" + id)
                .then()
                .statusCode(200)
                .body("data.metadata.a", nullValue())
                .body("data.metadata.b", equalTo("two"))
                .body("data.metadata.c[1]", equalTo(2));
        Response timed = as(project.key()).body("{\"timeout\": 3600}").patch("/media/" + id);
        Instant expires = Instant.parse(timed.path("data.expires"));
        assertThat(expires)
                .isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
        String iso = Instant.now().plus(Duration.ofDays(2)).toString();
        as(project.key())
                .body("{\"expires\": \"" + iso + "\"}")
                .patch("/media/" + id)
                .then()
                .statusCode(200);
        as(project.key())
                .body("{\"expires\": null}")
                .patch("/media/" + id)
                .then()
                .statusCode(200)
                .body("data.expires", nullValue());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"timeout\": 59}|timeout",
                "{\"timeout\": 31536001}|timeout",
                "{\"timeout\": \"60\"}|timeout",
                "{\"expires\": \"2001-01-01T00:00:00Z\"}|expires",
                "{\"expires\": \"tomorrow\"}|expires",
                "{\"expires\": \"2999-01-01T00:00:00Z\"}|expires",
                "{\"expires\": \"2030-01-01T00:00:00Z\", \"timeout\": 100}|timeout",
                "{\"metadata\": \"text\"}|metadata",
                "{\"metadata\": null}|metadata",
                "{\"colour\": \"red\"}|colour",
                "{\"title\": 5}|title"
            })
    void badUpdatesAre400NamingTheField(String body, String param) {
        Api.TestProject project = project();
        as(project.key())
                .body(body)
                .patch("/media/" + mediaOf(project))
                .then()
                .statusCode(400)
                .body("error.param", equalTo(param));
    }

    @Test
    void metadataIsLimitedTo1024Bytes() {
        Api.TestProject project = project();
        String id = mediaOf(project);
        String fits = "x".repeat(1024 - "{\"k\":\"\"}".length());
        as(project.key())
                .body("{\"metadata\": {\"k\": \"" + fits + "\"}}")
                .patch("/media/" + id)
                .then()
                .statusCode(200);
        as(project.key())
                .body("{\"metadata\": {\"k\": \"" + fits + "x\"}}")
                .patch("/media/" + id)
                .then()
                .statusCode(400)
                .body("error.param", equalTo("metadata"));
    }

    @Test
    void deleteRemovesFilesAndStopsDeliveryAtOnce() {
        Api.TestProject project = Api.newProject("Deletes");
        String id = upload(project, "jpeg");
        String url = as(project.key()).get("/media/" + id).path("data.sources[0].url");
        String sourceId = as(project.key()).get("/media/" + id).path("data.sources[0].id");
        given().get(url).then().statusCode(200);
        as(project.key())
                .delete("/media/" + id)
                .then()
                .statusCode(200)
                .body("data.status", equalTo("deleted"))
                .body("data.sources.size()", equalTo(0));
        given().get(url).then().statusCode(404);
        as(project.key())
                .get("/media/" + id)
                .then()
                .statusCode(200)
                .body("data.status", equalTo("deleted"))
                .body("data.sources.size()", equalTo(0));
        as(project.key()).get("/media?limit=250").then().body("data.id", not(hasItem(id)));
        as(project.key()).get("/sources/" + sourceId).then().statusCode(404);
        as(project.key()).delete("/media/" + id).then().statusCode(404);
        String key = StorageKeys.original(project.id(), id);
        await().atMost(Duration.ofSeconds(20)).until(() -> !Db.inSession(() -> storage.exists(key)));
    }

    @Test
    void expiredMediaAreDeletedLikeDeleteDoes() {
        Api.TestProject project = Api.newProject("Expiry");
        String id = upload(project, "png");
        String url = as(project.key()).get("/media/" + id).path("data.sources[0].url");
        Db.inTransaction(
                () -> media.findById(id).invoke(m -> m.expires = Times.now().minusSeconds(1)));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> as(project.key()).get("/media/" + id).then().body("data.status", equalTo("deleted")));
        given().get(url).then().statusCode(404);
        String key = StorageKeys.original(project.id(), id);
        await().atMost(Duration.ofSeconds(20)).until(() -> !Db.inSession(() -> storage.exists(key)));
    }

    @Test
    void anotherProjectsMediaAndSourcesAre404() {
        Api.TestProject mine = Api.newProject("Mine");
        Api.TestProject theirs = Api.newProject("Theirs");
        String id = upload(mine, "png");
        String sourceId = as(mine.key()).get("/media/" + id).path("data.sources[0].id");
        as(theirs.key()).get("/media/" + id).then().statusCode(404);
        as(theirs.key()).body("{\"title\": \"x\"}").patch("/media/" + id).then().statusCode(404);
        as(theirs.key()).delete("/media/" + id).then().statusCode(404);
        as(theirs.key()).get("/sources/" + sourceId).then().statusCode(404);
        as(theirs.key()).delete("/sources/" + sourceId).then().statusCode(404);
        as(theirs.key()).get("/media").then().body("data.id", not(hasItem(id)));
        as(theirs.key()).get("/sources").then().body("data.id", not(hasItem(sourceId)));
        Api.admin().get("/media").then().statusCode(403).body("error.code", equalTo("project_key_required"));
    }

    private static Api.TestProject shared;
    private static String sharedMedia;

    private static Api.TestProject project() {
        if (shared == null) {
            shared = Api.newProject("Shared");
        }
        return shared;
    }

    private static String mediaOf(Api.TestProject project) {
        if (sharedMedia == null) {
            sharedMedia = upload(project, "png");
        }
        return sharedMedia;
    }

    static String upload(Api.TestProject project, String format) {
        return Api.upload(project, TestMedia.bytes(format), "application/octet-stream")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
    }
}
