package io.mediawerk.workflow;

import static io.mediawerk.testing.Api.admin;
import static io.mediawerk.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.mediawerk.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Workflows at the API: CRUD, the project's default, and a 400 naming the step and field for each bad definition. */
@Tag("stack")
@QuarkusTest
class WorkflowsApiTest {

    static Api.TestProject project;

    @BeforeEach
    void project() {
        if (project == null) {
            project = Api.newProject("Workflows API");
        }
    }

    @Test
    void createReadUpdateDelete() {
        String id = as(project.key())
                .body("""
                {"name": "Publish", "description": "poster and web video", "steps": [
                  {"kind": "image", "label": "poster", "format": "jpeg", "width": 640},
                  {"kind": "video", "label": "web", "options": {"height": 720}},
                  {"kind": "scenes"}]}""")
                .post("/workflows")
                .then()
                .statusCode(201)
                .body("data.object", equalTo("workflow"))
                .body("data.status", equalTo("active"))
                .body("data.steps[0].options.width", equalTo(640))
                .body("data.steps[1].options.height", equalTo(720))
                .body("data.steps[2].label", equalTo("scenes"))
                .extract()
                .path("data.id");

        as(project.key()).get("/workflows/" + id).then().statusCode(200).body("data.name", equalTo("Publish"));
        as(project.key()).get("/workflows").then().statusCode(200).body("data.id", hasItem(id));
        as(project.key())
                .body("{\"status\": \"paused\", \"description\": null}")
                .patch("/workflows/" + id)
                .then()
                .statusCode(200)
                .body("data.status", equalTo("paused"))
                .body("data.description", nullValue())
                .body("data.steps.size()", equalTo(3));
        as(project.key())
                .body("{\"steps\": [{\"kind\": \"audio\", \"format\": \"mp3\"}]}")
                .patch("/workflows/" + id)
                .then()
                .statusCode(200)
                .body("data.steps.size()", equalTo(1));

        Api.TestProject other = Api.newProject("Workflows API other");
        as(other.key()).get("/workflows/" + id).then().statusCode(404);
        as(other.key()).delete("/workflows/" + id).then().statusCode(404);

        as(project.key()).delete("/workflows/" + id).then().statusCode(200).body("data.deleted", equalTo(true));
        as(project.key()).get("/workflows/" + id).then().statusCode(404);
    }

    @Test
    void theProjectsDefaultWorkflow() {
        String id = workflow("[{\"kind\": \"image\", \"label\": \"poster\"}]");
        admin().body("{\"default_workflow_id\": \"" + id + "\"}")
                .patch("/projects/" + project.id())
                .then()
                .statusCode(200)
                .body("data.default_workflow_id", equalTo(id));
        admin().body("{\"default_workflow_id\": \"wfl_0000000000000000\"}")
                .patch("/projects/" + project.id())
                .then()
                .statusCode(400)
                .body("error.param", equalTo("default_workflow_id"));
        Api.TestProject other = Api.newProject("Workflows default other");
        admin().body("{\"default_workflow_id\": \"" + id + "\"}")
                .patch("/projects/" + other.id())
                .then()
                .statusCode(400)
                .body("error.message", containsString("has no workflow"));
        admin().body("{\"default_workflow_id\": 12}")
                .patch("/projects/" + project.id())
                .then()
                .statusCode(400);
        admin().body("{\"colour\": \"red\"}")
                .patch("/projects/" + project.id())
                .then()
                .statusCode(400)
                .body("error.param", equalTo("colour"));

        as(project.key()).delete("/workflows/" + id).then().statusCode(200);
        admin().get("/projects/" + project.id()).then().body("data.default_workflow_id", nullValue());
        admin().body("{\"name\": \"Renamed\"}")
                .patch("/projects/" + project.id())
                .then()
                .statusCode(200)
                .body("data.name", equalTo("Renamed"));
    }

    @Test
    void uploadsAndIngestsMustNameOneOfTheProjectsWorkflows() {
        as(project.key())
                .body("{\"workflow_id\": \"wfl_0000000000000000\"}")
                .post("/uploads")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("workflow_id"));
        as(project.key())
                .body("{\"workflow_id\": \"nope\"}")
                .post("/uploads")
                .then()
                .statusCode(400);
        as(project.key())
                .body("{\"url\": \"https://example.com/a.mp4\", \"workflow_id\": \"wfl_0000000000000000\"}")
                .post("/media")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("workflow_id"));
        String id = workflow("[{\"kind\": \"image\"}]");
        as(project.key())
                .body("{\"workflow_id\": \"" + id + "\"}")
                .post("/uploads")
                .then()
                .statusCode(201)
                .body("data.workflow_id", equalTo(id));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "no steps | `[]` | steps | at least one step",
                "not a list | `{\"kind\": \"image\"}` | steps | must be a list",
                "unknown kind | `[{\"kind\": \"image\"}, {\"kind\": \"hologram\", \"label\": \"x\"}]` | steps[1].kind "
                        + "| unknown kind 'hologram'",
                "missing kind | `[{\"label\": \"x\"}]` | steps[0].kind | 'kind' is required",
                "bad transform option | `[{\"kind\": \"image\"}, {\"kind\": \"video\", \"label\": \"web\", "
                        + "\"width\": 100000}]` "
                        + "| steps[1].options.width | Step steps[1] ('web')",
                "unknown transform option | `[{\"kind\": \"video\", \"label\": \"web\", \"options\": {\"colour\": 1}}]` "
                        + "| steps[0].options.colour | Step steps[0] ('web')",
                "bad intelligence option | `[{\"kind\": \"scenes\", \"options\": {\"max_scenes\": 0}}]` "
                        + "| steps[0].options.max_scenes | Step steps[0] ('scenes')",
                "label used twice | `[{\"kind\": \"image\", \"label\": \"a\"}, {\"kind\": \"video\", \"label\": \"a\"}]` "
                        + "| steps[1].label | used by steps[0] too",
                "kind as label twice | `[{\"kind\": \"image\"}, {\"kind\": \"image\", \"width\": 10}]` "
                        + "| steps[1].label | labelled with its kind",
                "bad label | `[{\"kind\": \"image\", \"label\": \"../etc\"}]` | steps[0].label | label must be",
                "input names a later step | `[{\"kind\": \"image\", \"label\": \"poster\", \"input\": \"web\"}, "
                        + "{\"kind\": \"video\", \"label\": \"web\"}]` | steps[0].input | a later step",
                "input names no step | `[{\"kind\": \"image\", \"label\": \"poster\", \"input\": \"webb\"}]` "
                        + "| steps[0].input | no step is labelled 'webb'",
                "input names itself | `[{\"kind\": \"video\", \"label\": \"web\", \"input\": \"web\"}]` | steps[0].input "
                        + "| its own output",
                "cycle | `[{\"kind\": \"video\", \"label\": \"a\", \"input\": \"b\"}, {\"kind\": \"video\", \"label\": "
                        + "\"b\", \"input\": \"a\"}]` | steps[0].input | cycle (a → b → a)",
                "input from an analysis | `[{\"kind\": \"scenes\"}, {\"kind\": \"image\", \"input\": \"scenes\"}]` "
                        + "| steps[1].input | intelligence step",
                "input from thumbnails | `[{\"kind\": \"thumbnails\"}, {\"kind\": \"image\", \"input\": \"thumbnails\"}]` "
                        + "| steps[1].input | sprite sheet",
                "input from HLS | `[{\"kind\": \"video\", \"label\": \"hls\", \"format\": \"hls\"}, {\"kind\": \"image\", "
                        + "\"input\": \"hls\"}]` | steps[1].input | HLS",
                "input that cannot be read so | `[{\"kind\": \"image\", \"label\": \"poster\"}, {\"kind\": \"video\", "
                        + "\"label\": \"web\", \"input\": \"poster\"}]` | steps[1].input | Step steps[1] ('web')",
                "input in another branch | `[{\"kind\": \"conditions\", \"conditions\": [{\"prop\": \"kind\", \"value\": "
                        + "\"video\"}], \"next\": [{\"kind\": \"video\", \"label\": \"web\"}]}, {\"kind\": \"image\", "
                        + "\"input\": \"web\"}]` | steps[1].input | a branch this step is not part of",
                "conditions without next | `[{\"kind\": \"conditions\", \"conditions\": [{\"prop\": \"kind\", \"value\": "
                        + "\"video\"}]}]` | steps[0].next | next is required",
                "no conditions | `[{\"kind\": \"conditions\", \"conditions\": [], \"next\": [{\"kind\": \"image\"}]}]` "
                        + "| steps[0].conditions | 1 to 20",
                "unknown prop | `[{\"kind\": \"conditions\", \"label\": \"is-long\", \"conditions\": [{\"prop\": \"colour\", "
                        + "\"value\": 1}], \"next\": [{\"kind\": \"image\"}]}]` | steps[0].conditions[0].prop "
                        + "| Step steps[0] ('is-long')",
                "unknown op | `[{\"kind\": \"conditions\", \"conditions\": [{\"prop\": \"duration\", \"op\": \"gte\", "
                        + "\"value\": 1}], \"next\": [{\"kind\": \"image\"}]}]` | steps[0].conditions[0].op | eq, ne, gt",
                "gt on text | `[{\"kind\": \"conditions\", \"conditions\": [{\"prop\": \"kind\", \"op\": \"gt\", "
                        + "\"value\": 1}], \"next\": [{\"kind\": \"image\"}]}]` | steps[0].conditions[0].value | is text",
                "number compared with text | `[{\"kind\": \"conditions\", \"conditions\": [{\"prop\": \"width\", "
                        + "\"value\": \"wide\"}], \"next\": [{\"kind\": \"image\"}]}]` | steps[0].conditions[0].value "
                        + "| compare it with a number",
                "unknown media kind | `[{\"kind\": \"conditions\", \"conditions\": [{\"prop\": \"kind\", \"value\": "
                        + "\"movie\"}], \"next\": [{\"kind\": \"image\"}]}]` | steps[0].conditions[0].value | video, image "
                        + "or audio",
                "in without a list | `[{\"kind\": \"conditions\", \"conditions\": [{\"prop\": \"format\", \"op\": \"in\", "
                        + "\"value\": \"mp4\"}], \"next\": [{\"kind\": \"image\"}]}]` | steps[0].conditions[0].value "
                        + "| list of 1 to 50",
                "bad step in a branch | `[{\"kind\": \"conditions\", \"conditions\": [{\"prop\": \"kind\", \"value\": "
                        + "\"video\"}], \"next\": [{\"kind\": \"image\"}], \"else\": [{\"kind\": \"audio\", \"label\": "
                        + "\"sound\", \"bitrate\": -1}]}]` | steps[0].else[0].options.bitrate "
                        + "| Step steps[0].else[0] ('sound')",
            })
    void invalidDefinitions(String name, String steps, String param, String message) {
        as(project.key())
                .body("{\"name\": \"bad\", \"steps\": " + steps + "}")
                .post("/workflows")
                .then()
                .statusCode(400)
                .body("error.param", equalTo(param))
                .body("error.message", containsString(message));
    }

    @Test
    void otherBadBodies() {
        as(project.key())
                .body("{\"name\": \"x\"}")
                .post("/workflows")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("steps"));
        as(project.key())
                .body("{\"steps\": [{\"kind\": \"image\"}], \"status\": \"on\"}")
                .post("/workflows")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("status"));
        as(project.key())
                .body("{\"steps\": [{\"kind\": \"image\"}], \"trigger\": \"x\"}")
                .post("/workflows")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("trigger"));
        as(project.key())
                .body("{\"steps\": [{\"kind\": \"image\"}], \"name\": 5}")
                .post("/workflows")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("name"));
        as(project.key())
                .body("{\"steps\": [{\"kind\": \"speech\"}]}")
                .post("/workflows")
                .then()
                .statusCode(422)
                .body("error.code", equalTo("provider_not_configured"))
                .body("error.param", equalTo("steps[0].kind"));
        String id = workflow("[{\"kind\": \"image\"}]");
        as(project.key())
                .body("{\"steps\": null}")
                .patch("/workflows/" + id)
                .then()
                .statusCode(400);
        as(project.key())
                .body("{\"steps\": [{\"kind\": \"image\", \"input\": \"x\"}]}")
                .patch("/workflows/" + id)
                .then()
                .statusCode(400)
                .body("error.param", equalTo("steps[0].input"));
        as(project.key())
                .get("/workflows/" + id)
                .then()
                .body("data.steps[0].input", nullValue())
                .body("data.steps[0]", not(hasItem("x")));
        as(project.key()).get("/workflows/nope").then().statusCode(404);
    }

    @Test
    void optionsThatDependOnTheRealInputAreLeftToTheRun() {
        // a trim an hour in and thumbnails every second both fit some input; the run decides on the real one
        workflow("[{\"kind\": \"video\", \"label\": \"tail\", \"start\": 3600}, "
                + "{\"kind\": \"thumbnails\", \"interval\": 1}, {\"kind\": \"audio\", \"label\": \"sound\"}, "
                + "{\"kind\": \"audio_levels\", \"input\": \"sound\"}, {\"kind\": \"image\", \"label\": \"frame\", "
                + "\"input\": \"tail\"}]");
    }

    private static String workflow(String steps) {
        return as(project.key())
                .body("{\"name\": \"w\", \"steps\": " + steps + "}")
                .post("/workflows")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
    }
}
