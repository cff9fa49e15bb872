package io.mediawerk.testing;

import static io.mediawerk.testing.Api.as;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.Set;

/** Creating transforms and waiting for them, as a client polling Get Transform would. */
public final class Transforms {

    private static final Set<String> FINAL = Set.of("completed", "failed", "cancelled");

    private Transforms() {}

    /** Creates a transform (expects 201) and returns its id. */
    public static String create(Api.TestProject project, String json) {
        return as(project.key())
                .body(json)
                .post("/transforms")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
    }

    /** Polls until the transform has ended and returns the last Get. */
    public static Response awaitEnd(Api.TestProject project, String id, Duration atMost) {
        Response[] last = new Response[1];
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
            last[0] = as(project.key()).get("/transforms/" + id);
            if (last[0].statusCode() != 200) {
                throw new AssertionError("Get Transform " + id + " answered " + last[0].asString());
            }
            return FINAL.contains(last[0].<String>path("data.status"));
        });
        return last[0];
    }

    /** Polls until the transform completed, failing with its error otherwise. */
    public static Response awaitCompleted(Api.TestProject project, String id) {
        Response done = awaitEnd(project, id, Duration.ofSeconds(120));
        String status = done.path("data.status");
        if (!"completed".equals(status)) {
            throw new AssertionError("Transform " + id + " ended " + status + ": " + done.asString());
        }
        return done;
    }
}
