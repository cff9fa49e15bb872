package io.mediawerk.files;

import static io.mediawerk.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.mediawerk.api.Ids;
import io.mediawerk.api.Times;
import io.mediawerk.source.Source;
import io.mediawerk.source.SourceRepository;
import io.mediawerk.storage.Storage;
import io.mediawerk.storage.StorageKeys;
import io.mediawerk.testing.Api;
import io.mediawerk.testing.Db;
import io.mediawerk.testing.StoredObjects;
import io.mediawerk.testing.TestMedia;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Deleting a source other than the original removes its file. Transforms will make such sources; until then the
 * test stores one itself, as a transform would.
 */
@Tag("stack")
@QuarkusTest
class SourceDeletionTest {

    @Inject
    Storage storage;

    @Inject
    SourceRepository sources;

    @Test
    void deletingASourceRemovesItsFileAndStopsItsDelivery() {
        Api.TestProject project = Api.newProject("Derived");
        String mediaId =
                Api.upload(project, TestMedia.bytes("png"), "image/png").path("data.id");
        byte[] derived = TestMedia.bytes("webp");
        String sourceId = Ids.newId("src");
        String key = StorageKeys.source(project.id(), mediaId, sourceId);
        StoredObjects.put(key, "image/webp", derived);
        Source source = new Source();
        source.id = sourceId;
        source.mediaId = mediaId;
        source.projectId = project.id();
        source.kind = "image";
        source.label = "thumbnail";
        source.mimeType = "image/webp";
        source.extension = "webp";
        source.filesize = (long) derived.length;
        source.storageKey = key;
        source.status = Source.READY;
        source.created = Times.now();
        source.updated = source.created;
        Db.inTransaction(() -> sources.persist(source));

        String url = as(project.key())
                .get("/sources/" + sourceId)
                .then()
                .statusCode(200)
                .body("data.label", equalTo("thumbnail"))
                .extract()
                .path("data.url");
        given().get(url).then().statusCode(200).header("Content-Type", "image/webp");
        as(project.key()).get("/media/" + mediaId).then().body("data.sources.size()", equalTo(2));

        as(project.key())
                .delete("/sources/" + sourceId)
                .then()
                .statusCode(200)
                .body("data.deleted", equalTo(true))
                .body("data.object", equalTo("source"));
        as(project.key()).get("/sources/" + sourceId).then().statusCode(404);
        given().get(url).then().statusCode(404);
        as(project.key()).get("/media/" + mediaId).then().body("data.sources.size()", equalTo(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> !Db.inSession(() -> storage.exists(key)));
        assertThat(Db.inSession(() -> storage.exists(StorageKeys.original(project.id(), mediaId))))
                .isTrue();
    }
}
