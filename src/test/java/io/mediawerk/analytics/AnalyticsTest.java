package io.mediawerk.analytics;

import static io.mediawerk.testing.Api.admin;
import static io.mediawerk.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.mediawerk.task.TaskRepository;
import io.mediawerk.testing.Api;
import io.mediawerk.testing.Db;
import io.mediawerk.testing.TestMedia;
import io.mediawerk.testing.Transforms;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Analytics equal what the test did over three days (the usage clock moved back to count on earlier days): uploads
 * with their bytes, a transform with its processing time, deliveries with the bytes sent, and a delete that takes
 * the media's storage away but none of its history.
 */
@Tag("stack")
@QuarkusTest
class AnalyticsTest {

    @Inject
    UsageClock clock;

    @Inject
    TaskRepository tasks;

    @AfterEach
    void backToToday() {
        clock.use(Clock.systemUTC());
    }

    @Test
    void figuresEqualWhatHappenedDayByDayAndSurviveDeletes() {
        Api.TestProject project = Api.newProject("Analytics");
        LocalDate today = LocalDate.now(Clock.systemUTC());
        LocalDate first = today.minusDays(2);
        LocalDate second = today.minusDays(1);
        byte[] png = TestMedia.bytes("png");
        byte[] wav = TestMedia.bytes("wav");

        onDay(2);
        String image = Api.upload(project, png, "image/png")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        String transform = Transforms.create(
                project,
                "{\"media_id\": \"" + image + "\", \"kind\": \"image\", " + "\"format\": \"webp\", \"width\": 32}");
        long processingMs = processingMs(project, transform);
        String imageUrl = as(project.key()).get("/media/" + image).path("data.sources[0].url");
        given().get(imageUrl).then().statusCode(200);
        given().header("Range", "bytes=0-9").get(imageUrl).then().statusCode(206);
        // a delivery is counted once its last bytes are out, which may be after the client has them all
        awaitDeliveriesCounted(project, "?from=" + first + "&to=" + today, 2);

        onDay(1);
        String audio = Api.upload(project, wav, "audio/wav")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        given().get(as(project.key()).get("/media/" + audio).<String>path("data.sources[0].url"))
                .then()
                .statusCode(200);
        as(project.key()).delete("/media/" + image).then().statusCode(200);
        clock.use(Clock.systemUTC());

        String period = "?from=" + first + "&to=" + today;
        Response report = awaitDeliveriesCounted(project, period, 3);
        report.then()
                .rootPath("data")
                .body("object", equalTo("analytics"))
                .body("project_id", equalTo(project.id()))
                .body("from", equalTo(first.toString()))
                .body("to", equalTo(today.toString()))
                .body("media.total", equalTo(2))
                .body("media.by_kind.image", equalTo(1))
                .body("media.by_kind.audio", equalTo(1))
                .body("media.by_status.ready", equalTo(1))
                .body("media.by_status.deleted", equalTo(1))
                .body("sources.total", equalTo(1))
                .body("sources.storage_bytes", equalTo(wav.length))
                .body("uploads.count", equalTo(2))
                .body("uploads.bytes", equalTo(png.length + wav.length))
                .body("tasks.total", equalTo(1))
                .body("tasks.by_kind.image.completed", equalTo(1))
                .body("deliveries.requests", equalTo(3))
                .body("deliveries.bytes", equalTo(png.length + 10 + wav.length))
                .body("deliveries.media", equalTo(2))
                .body("days.size()", equalTo(3));
        assertThat(report.<Float>path("data.tasks.processing_seconds").doubleValue())
                .isCloseTo(processingMs / 1000.0, within(1e-6));

        List<Map<String, Object>> days = report.path("data.days");
        assertThat(days.get(0))
                .containsEntry("date", first.toString())
                .containsEntry("uploads", 1)
                .containsEntry("media_created", 1)
                .containsEntry("tasks", 1)
                .containsEntry("requests", 2)
                .containsEntry("bytes", png.length + 10)
                .containsEntry("media_delivered", 1);
        assertThat(days.get(1))
                .containsEntry("date", second.toString())
                .containsEntry("uploads", 1)
                .containsEntry("upload_bytes", wav.length)
                .containsEntry("tasks", 0)
                .containsEntry("requests", 1);
        assertThat(days.get(2)).containsEntry("uploads", 0).containsEntry("requests", 0);

        as(project.key())
                .get("/analytics?from=" + second + "&to=" + second)
                .then()
                .rootPath("data")
                .body("uploads.count", equalTo(1))
                .body("tasks.total", equalTo(0))
                .body("deliveries.requests", equalTo(1))
                .body("days.size()", equalTo(1));

        as(project.key())
                .get("/analytics/media/" + image + period)
                .then()
                .statusCode(200)
                .rootPath("data")
                .body("media_id", equalTo(image))
                .body("media.by_status.deleted", equalTo(1))
                .body("sources.total", equalTo(0))
                .body("uploads.count", equalTo(1))
                .body("tasks.total", equalTo(1))
                .body("deliveries.requests", equalTo(2))
                .body("deliveries.bytes", equalTo(png.length + 10));

        admin().get("/analytics/projects/" + project.id() + period)
                .then()
                .statusCode(200)
                .body("data.uploads.count", equalTo(2))
                .body("data.deliveries.requests", equalTo(3));
    }

    @Test
    void theDefaultPeriodAndBadRequests() {
        Api.TestProject project = Api.newProject("Analytics defaults");
        LocalDate today = LocalDate.now(Clock.systemUTC());
        as(project.key())
                .get("/analytics")
                .then()
                .statusCode(200)
                .rootPath("data")
                .body("to", equalTo(today.toString()))
                .body("from", equalTo(today.minusDays(29).toString()))
                .body("days.size()", equalTo(30))
                .body("media.total", equalTo(0))
                .body("deliveries.requests", equalTo(0));
        as(project.key())
                .get("/analytics?from=2026-13-01")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("from"));
        as(project.key()).get("/analytics?to=yesterday").then().statusCode(400).body("error.param", equalTo("to"));
        as(project.key()).get("/analytics?from=2026-03-02&to=2026-03-01").then().statusCode(400);
        as(project.key())
                .get("/analytics?from=2024-01-01&to=2026-01-01")
                .then()
                .statusCode(400)
                .body("error.message", org.hamcrest.Matchers.containsString("366"));
        as(project.key())
                .get("/analytics?from=2025-01-01&to=2026-01-01")
                .then()
                .statusCode(200)
                .body("data.days.size()", equalTo(366));

        Api.TestProject other = Api.newProject("Analytics other");
        String media = Api.upload(other, TestMedia.bytes("png"), "image/png")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        as(project.key()).get("/analytics/media/" + media).then().statusCode(404);
        as(project.key()).get("/analytics/projects/" + project.id()).then().statusCode(403);
        admin().get("/analytics/projects/prj_0000000000000000").then().statusCode(404);
        admin().get("/analytics").then().statusCode(403);
    }

    /** Counts from now on {@code days} days before today. */
    private void onDay(int daysBefore) {
        clock.use(Clock.offset(Clock.systemUTC(), Duration.ofDays(-daysBefore)));
    }

    private long processingMs(Api.TestProject project, String transform) {
        Transforms.awaitCompleted(project, transform);
        return Db.inSession(() -> tasks.findById(transform)).processingMs;
    }

    /** Delivery counts reach the database every second in tests. */
    private static Response awaitDeliveriesCounted(Api.TestProject project, String period, int requests) {
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            last[0] = as(project.key()).get("/analytics" + period);
            return last[0].<Integer>path("data.deliveries.requests") == requests;
        });
        return last[0];
    }
}
