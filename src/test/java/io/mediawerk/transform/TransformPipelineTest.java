package io.mediawerk.transform;

import static io.mediawerk.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediawerk.api.Ids;
import io.mediawerk.api.Times;
import io.mediawerk.storage.Storage;
import io.mediawerk.task.worker.TaskRebalances;
import io.mediawerk.task.worker.TaskRunner;
import io.mediawerk.testing.Api;
import io.mediawerk.testing.Db;
import io.mediawerk.testing.Probe;
import io.mediawerk.testing.StoredObjects;
import io.mediawerk.testing.TestMedia;
import io.mediawerk.testing.TestStack;
import io.mediawerk.testing.Transforms;
import io.mediawerk.transform.worker.TransformWorker;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The task pipeline, whatever the kind: API, Kafka, worker, progress, cancel, redelivery and rescue. */
@Tag("stack")
@QuarkusTest
class TransformPipelineTest {

    /** Seconds of 360p video that VP9 takes well over the test profile's max.poll.interval.ms (5 s) to encode. */
    private static final int LONG_JOB_SECONDS = 40;

    @Inject
    TaskRunner runner;

    @Inject
    TransformWorker transforms;

    @Inject
    Storage storage;

    @Inject
    @Identifier(TaskRebalances.NAME)
    TaskRebalances rebalances;

    private Api.TestProject project;

    @BeforeEach
    void project() {
        if (project == null) {
            project = Api.newProject("Transforms");
        }
    }

    private String uploadVideo() {
        return Api.upload(project, TestMedia.bytes("mp4"), "video/mp4")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
    }

    @Test
    void aTransformRunsOnAWorkerAndAddsOneSourceToItsMedia() {
        String mediaId = uploadVideo();
        Response created = as(project.key())
                .body("{\"media_id\": \"" + mediaId + "\", \"kind\": \"video\", "
                        + "\"width\": 80, \"label\": \"small\"}")
                .post("/transforms");
        created.then()
                .statusCode(201)
                .body("data.object", equalTo("transform"))
                .body("data.status", equalTo("pending"))
                .body("data.progress", equalTo(0.0f))
                .body("data.label", equalTo("small"))
                .body("data.options.width", equalTo(80))
                .body("data.output", nullValue());
        String id = created.path("data.id");
        assertThat(id).startsWith("tsk_");

        Response done = Transforms.awaitCompleted(project, id);
        done.then()
                .body("data.progress", equalTo(1.0f))
                .body("data.output.label", equalTo("small"))
                .body("data.output.transform_id", equalTo(id))
                .body("data.output.width", equalTo(80))
                .body("data.output.media_id", equalTo(mediaId))
                .body(
                        "data.input",
                        equalTo(as(project.key()).get("/media/" + mediaId).path("data.sources[0].id")));
        assertThat(done.<String>path("data.started")).isNotNull();
        assertThat(done.<String>path("data.completed")).isNotNull();

        as(project.key())
                .get("/media/" + mediaId)
                .then()
                .body("data.sources.size()", equalTo(2))
                .body("data.sources[1].label", equalTo("small"));
        byte[] output = given().get(done.<String>path("data.output.url"))
                .then()
                .statusCode(200)
                .header("Content-Type", "video/mp4")
                .extract()
                .asByteArray();
        JsonNode probed = Probe.of(output);
        assertThat(Probe.stream(probed, "video").path("width").asInt()).isEqualTo(80);
        assertThat(Probe.duration(probed)).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.3));

        as(project.key())
                .get("/transforms?media_id=" + mediaId)
                .then()
                .body("meta.total", equalTo(1))
                .body("data[0].id", equalTo(id));
        as(project.key())
                .get("/transforms?status=completed&kind=video")
                .then()
                .body("data.id", org.hamcrest.Matchers.hasItem(id));
        Api.TestProject other = Api.newProject("Transforms elsewhere");
        as(other.key()).get("/transforms/" + id).then().statusCode(404);
        as(other.key()).delete("/transforms/" + id).then().statusCode(404);
    }

    @Test
    void aRedeliveredFinishedTaskDoesNothing() {
        String mediaId = uploadVideo();
        String id = Transforms.create(project, "{\"media_id\": \"" + mediaId + "\", \"kind\": \"video\"}");
        Response done = Transforms.awaitCompleted(project, id);

        runner.run(transforms.work(), id);

        as(project.key())
                .get("/transforms/" + id)
                .then()
                .body("data.updated", equalTo(done.path("data.updated")))
                .body("data.status", equalTo("completed"));
        as(project.key()).get("/media/" + mediaId).then().body("data.sources.size()", equalTo(2));
    }

    @Test
    void aTaskRunningOnALiveWorkerIsNotRunTwice() {
        String mediaId = uploadVideo();
        String id = Transforms.create(project, "{\"media_id\": \"" + mediaId + "\", \"kind\": \"video\"}");
        Transforms.awaitCompleted(project, id);
        // the state another, live worker leaves while it runs the task: a message for it arrives here again
        Db.inTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "update tasks set status = 'processing', lease_owner = 'other-worker', lease_until = :until "
                                        + "where id = :id")
                        .setParameter("until", Times.now().plusSeconds(60))
                        .setParameter("id", id)
                        .executeUpdate()));

        runner.run(transforms.work(), id);

        String owner = single("select lease_owner from tasks where id = :id", String.class, id);
        assertThat(owner).isEqualTo("other-worker");
    }

    @Test
    void aTaskWhoseWorkerDiedIsRescuedAndEndsWithOneOutput() {
        String mediaId = uploadVideo();
        String inputId = as(project.key()).get("/media/" + mediaId).path("data.sources[0].id");
        String taskId = Ids.newId("tsk");
        String outputId = Ids.newId("src");
        // what a worker killed in its first attempt leaves: a processing task whose lease ran out, and a file
        String stray = "projects/" + project.id() + "/media/" + mediaId + "/" + outputId + "/1/video.mp4";
        StoredObjects.put(stray, "video/mp4", "partial".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Db.inTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("""
                        insert into tasks (id, project_id, media_id, input_source_id, family, kind, options, label,
                            status, progress, output_source_id, attempts, lease_owner, lease_until, started, created,
                            updated)
                        values (:id, :project, :media, :input, 'transform', 'video', '{"format": "mp4"}', 'rescued',
                            'processing', 0.4, :output, 1, 'killed-worker', :expired, :now, :now, :now)""")
                        .setParameter("id", taskId)
                        .setParameter("project", project.id())
                        .setParameter("media", mediaId)
                        .setParameter("input", inputId)
                        .setParameter("output", outputId)
                        .setParameter("expired", Times.now().minusSeconds(1))
                        .setParameter("now", Times.now())
                        .executeUpdate()));

        Response done = Transforms.awaitCompleted(project, taskId);

        done.then().body("data.output.id", equalTo(outputId));
        Integer attempts = single("select attempts from tasks where id = :id", Integer.class, taskId);
        assertThat(attempts).isEqualTo(2);
        Long outputs = single("select count(*) from sources where task_id = :id", Long.class, taskId);
        assertThat(outputs).isEqualTo(1L);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !storage.exists(stray).await().atMost(Duration.ofSeconds(5)));
    }

    @Test
    void cancellingARunningTransformStopsItsFfmpegAndKeepsNothing() {
        String mediaId = Api.upload(project, TestMedia.bytes(TestMedia.video(640, 360, 120)), "video/mp4")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        String id = Transforms.create(
                project,
                "{\"media_id\": \"" + mediaId + "\", \"kind\": \"video\", "
                        + "\"format\": \"webm\", \"quality\": 100}");
        await().atMost(Duration.ofSeconds(60)).until(() -> !ffmpegOf(id).isEmpty());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> as(project.key()).get("/transforms/" + id).<Float>path("data.progress") > 0);

        as(project.key()).delete("/transforms/" + id).then().statusCode(200).body("data.status", equalTo("cancelled"));

        await().atMost(Duration.ofSeconds(10)).until(() -> ffmpegOf(id).isEmpty());
        as(project.key())
                .get("/transforms/" + id)
                .then()
                .body("data.status", equalTo("cancelled"))
                .body("data.output", nullValue());
        as(project.key()).get("/media/" + mediaId).then().body("data.sources.size()", equalTo(1));

        as(project.key()).delete("/transforms/" + id).then().statusCode(200).body("data.deleted", equalTo(true));
        as(project.key()).get("/transforms/" + id).then().statusCode(404);
    }

    @Test
    void aTransformLongerThanKafkasPollIntervalKeepsItsPartitionAndRunsOnce() {
        // the test profile sets the transform consumers' max.poll.interval.ms to 5 s
        String mediaId = Api.upload(project, TestMedia.bytes(TestMedia.video(640, 360, 120)), "video/mp4")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        long revokedBefore = rebalances.revoked();

        String id = Transforms.create(
                project,
                "{\"media_id\": \"" + mediaId + "\", \"kind\": \"video\", "
                        + "\"format\": \"webm\", \"height\": 240, \"end\": " + LONG_JOB_SECONDS + "}");
        Response done = Transforms.awaitEnd(project, id, Duration.ofMinutes(5));

        done.then().body("data.status", equalTo("completed"));
        Long ranMs = single("select processing_ms from tasks where id = :id", Long.class, id);
        assertThat(ranMs)
                .as("the transform must outlast max.poll.interval.ms for this test to mean anything")
                .isGreaterThan(6_000L);
        assertThat(rebalances.revoked()).isEqualTo(revokedBefore);
        Integer attempts = single("select attempts from tasks where id = :id", Integer.class, id);
        assertThat(attempts).isEqualTo(1);
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aFinishedTransformIsDeletedAndItsSourceStays() {
        String mediaId = uploadVideo();
        String id = Transforms.create(project, "{\"media_id\": \"" + mediaId + "\", \"kind\": \"video\"}");
        String output = Transforms.awaitCompleted(project, id).path("data.output.id");
        as(project.key())
                .delete("/transforms/" + id)
                .then()
                .statusCode(200)
                .body("data.id", equalTo(id))
                .body("data.deleted", equalTo(true));
        as(project.key()).get("/transforms/" + id).then().statusCode(404);
        as(project.key()).get("/sources/" + output).then().statusCode(200);
    }

    @Test
    void aCorruptInputFailsAtOnceWithFfmpegsReason() {
        String mediaId = uploadVideo();
        String key = "projects/" + project.id() + "/media/" + mediaId + "/original";
        byte[] garbage = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(garbage);
        StoredObjects.put(key, "video/mp4", garbage);

        String id = Transforms.create(project, "{\"media_id\": \"" + mediaId + "\", \"kind\": \"video\"}");
        Response failed = Transforms.awaitEnd(project, id, Duration.ofSeconds(60));

        failed.then()
                .body("data.status", equalTo("failed"))
                .body("data.error.code", equalTo("transform_failed"))
                .body("data.output", nullValue());
        String message = failed.path("data.error.message");
        assertThat(message)
                .isNotBlank()
                .hasSizeLessThan(300)
                .doesNotContain("http")
                .doesNotContain("X-Amz")
                .doesNotContain("Exception");
        Integer attempts = single("select attempts from tasks where id = :id", Integer.class, id);
        assertThat(attempts).isEqualTo(1);
        as(project.key()).get("/media/" + mediaId).then().body("data.sources.size()", equalTo(1));
    }

    @Test
    void aStorageOutageDuringATransformIsWaitedOut() {
        String mediaId = uploadVideo();
        TestStack.control("s3", "stop");
        String id;
        try {
            id = Transforms.create(project, "{\"media_id\": \"" + mediaId + "\", \"kind\": \"video\"}");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "processing"
                            .equals(as(project.key()).get("/transforms/" + id).path("data.status")));
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            TestStack.control("s3", "start");
        }
        Transforms.awaitCompleted(project, id);
    }

    @Test
    void badRequestsNameTheFieldToFix() {
        String mediaId = uploadVideo();
        as(project.key())
                .body("{\"kind\": \"video\"}")
                .post("/transforms")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("media_id"));
        as(project.key())
                .body("{\"media_id\": \"" + mediaId + "\"}")
                .post("/transforms")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("kind"));
        as(project.key())
                .body("{\"media_id\": \"" + mediaId + "\", \"kind\": \"sepia\"}")
                .post("/transforms")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("kind"));
        as(project.key())
                .body("{\"media_id\": \"nope\", \"kind\": \"video\"}")
                .post("/transforms")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("media_id"));
        as(project.key())
                .body("{\"media_id\": \"med_0000000000000000\", \"kind\": \"video\"}")
                .post("/transforms")
                .then()
                .statusCode(404)
                .body("error.param", equalTo("media_id"));
        as(project.key())
                .body("{\"media_id\": \"" + mediaId + "\", \"kind\": \"video\", \"label\": \"original\"}")
                .post("/transforms")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("label"));
        as(project.key())
                .body("{\"media_id\": \"" + mediaId + "\", \"kind\": \"video\", \"label\": \"../x\"}")
                .post("/transforms")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("label"));
        as(project.key())
                .body("{\"media_id\": \"" + mediaId + "\", \"kind\": \"video\", \"width\": 0}")
                .post("/transforms")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("width"));
        as(project.key())
                .body("{\"media_id\": \"" + mediaId + "\", \"kind\": \"video\", \"options\": " + "{\"width\": 0}}")
                .post("/transforms")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("options.width"));
        as(project.key())
                .body("{\"media_id\": \"" + mediaId + "\", \"kind\": \"video\", \"options\": {}, " + "\"width\": 10}")
                .post("/transforms")
                .then()
                .statusCode(400);
        as(project.key())
                .body("{\"media_id\": \"" + mediaId + "\", \"kind\": 3}")
                .post("/transforms")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("invalid_type"));
        as(project.key()).body("[1]").post("/transforms").then().statusCode(400);
        as(project.key()).get("/transforms?status=done").then().statusCode(400).body("error.param", equalTo("status"));
        as(project.key()).get("/transforms/tsk_0000000000000000").then().statusCode(404);
        as(project.key()).get("/transforms/nope").then().statusCode(404);
    }

    private static <T> T single(String sql, Class<T> type, String id) {
        return Db.inSession(() -> Panache.getSession()
                .chain(s ->
                        s.createNativeQuery(sql, type).setParameter("id", id).getSingleResult()));
    }

    private static List<ProcessHandle> ffmpegOf(String taskId) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .map(line -> line.contains("ffmpeg") && line.contains(taskId))
                        .orElse(false))
                .toList();
    }
}
