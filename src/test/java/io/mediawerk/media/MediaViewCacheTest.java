package io.mediawerk.media;

import static io.mediawerk.testing.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.mediawerk.source.SourceRepository;
import io.mediawerk.testing.Api;
import io.mediawerk.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /media/{id}} answers from memory while nothing about the media changed: a change committed anywhere (here
 * straight in the database, as another instance or a worker would) is seen within a second, one made through this
 * instance's API at once, and another project never sees it.
 */
@Tag("stack")
@QuarkusTest
class MediaViewCacheTest {

    private static final Duration ANNOUNCED = Duration.ofSeconds(1);

    @Inject
    MediaRepository media;

    @Inject
    SourceRepository sources;

    @Test
    void aChangeToTheMediaOrItsSourcesCommittedElsewhereIsSeenWithinASecond() {
        Api.TestProject project = Api.newProject("Views");
        String id = MediaTest.upload(project, "png");
        as(project.key()).get("/media/" + id).then().body("data.title", equalTo(null));

        Db.inTransaction(() -> media.findById(id).invoke(found -> found.title = "Changed elsewhere"));
        await().atMost(ANNOUNCED)
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() ->
                        as(project.key()).get("/media/" + id).then().body("data.title", equalTo("Changed elsewhere")));

        String sourceId = as(project.key()).get("/media/" + id).path("data.sources[0].id");
        Db.inTransaction(() -> sources.findById(sourceId).invoke(found -> found.metadata = Map.of("seen", "yes")));
        await().atMost(ANNOUNCED)
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> as(project.key())
                        .get("/media/" + id)
                        .then()
                        .body("data.sources[0].metadata.seen", equalTo("yes")));
    }

    @Test
    void aChangeThroughTheApiIsSeenByTheNextRead() {
        Api.TestProject project = Api.newProject("Views");
        String id = MediaTest.upload(project, "png");
        for (int i = 0; i < 5; i++) {
            as(project.key()).get("/media/" + id).then().statusCode(200);
            String title = "Title " + i;
            as(project.key())
                    .body(Map.of("title", title))
                    .patch("/media/" + id)
                    .then()
                    .statusCode(200);
            as(project.key()).get("/media/" + id).then().body("data.title", equalTo(title));
        }
        as(project.key()).delete("/media/" + id).then().statusCode(200);
        as(project.key()).get("/media/" + id).then().body("data.status", equalTo("deleted"));
    }

    @Test
    void anotherProjectGets404ForAMediaInMemory() {
        Api.TestProject mine = Api.newProject("Mine");
        Api.TestProject theirs = Api.newProject("Theirs");
        String id = MediaTest.upload(mine, "png");
        as(mine.key()).get("/media/" + id).then().statusCode(200);
        as(theirs.key()).get("/media/" + id).then().statusCode(404).body("error.code", equalTo("not_found"));
        as(mine.key()).get("/media/" + id).then().statusCode(200).body("data.id", equalTo(id));
    }
}
