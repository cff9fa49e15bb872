package io.mediawerk.project;

import static io.mediawerk.testing.Api.admin;
import static io.mediawerk.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.mediawerk.testing.Api;
import io.mediawerk.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("stack")
@QuarkusTest
class ProjectsTest {

    @Inject
    ProjectRepository projects;

    @Test
    void createGetUpdateListDelete() {
        String id = admin().body("{\"name\":\"Marketing site\"}")
                .post("/projects")
                .then()
                .statusCode(201)
                .body("data.default_workflow_id", nullValue())
                .extract()
                .path("data.id");
        admin().get("/projects/" + id).then().statusCode(200).body("data.name", equalTo("Marketing site"));
        String created = admin().get("/projects/" + id).path("data.created");

        admin().body("{\"name\":\"Marketing\"}")
                .patch("/projects/" + id)
                .then()
                .statusCode(200)
                .body("data.name", equalTo("Marketing"))
                .body("data.created", equalTo(created));
        admin().body("{}").patch("/projects/" + id).then().statusCode(200).body("data.name", equalTo("Marketing"));
        admin().get("/projects?limit=250").then().body("data.id", hasItem(id));

        admin().delete("/projects/" + id)
                .then()
                .statusCode(200)
                .body("data.id", equalTo(id))
                .body("data.object", equalTo("project"))
                .body("data.deleted", equalTo(true));
        admin().get("/projects/" + id).then().statusCode(404);
        admin().delete("/projects/" + id).then().statusCode(404);
        admin().get("/projects?limit=250").then().body("data.id", not(hasItem(id)));
    }

    @Test
    void keysAreShownOnceStoredHashedAndRevocable() {
        Api.TestProject project = Api.newProject("Keys");
        admin().get("/projects/" + project.id() + "/keys")
                .then()
                .statusCode(200)
                .body("data.size()", equalTo(1))
                .body("data[0].key", nullValue())
                .body("data[0].prefix", equalTo(project.key().substring(0, 12)))
                .body("data[0].status", equalTo("active"))
                .body("data[0].project_id", equalTo(project.id()));
        assertThat(project.key()).startsWith("mwk_").hasSize(44);

        // the key works for the project's own endpoints, and its meta names the project
        as(project.key()).get("/no-such-route").then().statusCode(404);
        as(project.key()).get("/projects").then().statusCode(403).body("meta.project_id", equalTo(project.id()));

        String keyId = admin().get("/projects/" + project.id() + "/keys").path("data[0].id");
        admin().delete("/projects/" + project.id() + "/keys/" + keyId)
                .then()
                .statusCode(200)
                .body("data.status", equalTo("revoked"))
                .body("data.revoked", notNullValue());
        as(project.key()).get("/projects").then().statusCode(401).body("error.code", equalTo("invalid_api_key"));
    }

    @Test
    void deletedProjectsStopTheirKeysAtOnceAndArePurged() {
        Api.TestProject project = Api.newProject("Doomed");
        as(project.key()).get("/projects").then().statusCode(403);
        admin().delete("/projects/" + project.id()).then().statusCode(200);
        as(project.key()).get("/projects").then().statusCode(401);
        await().atMost(Duration.ofSeconds(30)).until(() -> !exists(project.id()));
    }

    @Test
    void projectsOfAnotherOrganisationAre404() {
        String otherOrgKey = OtherOrganisation.create();
        String mine = Api.newProject("Mine").id();
        as(otherOrgKey).get("/projects/" + mine).then().statusCode(404);
        as(otherOrgKey)
                .body("{\"name\":\"x\"}")
                .patch("/projects/" + mine)
                .then()
                .statusCode(404);
        as(otherOrgKey).delete("/projects/" + mine).then().statusCode(404);
        as(otherOrgKey).get("/projects/" + mine + "/keys").then().statusCode(404);
        List<String> theirs = as(otherOrgKey).get("/projects?limit=250").path("data.id");
        assertThat(theirs).doesNotContain(mine);
        admin().get("/projects/" + mine).then().statusCode(200);
    }

    @Test
    void authenticationFailures() {
        io.restassured.RestAssured.given()
                .get("/projects")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("missing_api_key"))
                .body("error.message", startsWith("No API key was sent"));
        io.restassured.RestAssured.given()
                .header("Authorization", "Basic abc")
                .get("/projects")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("invalid_authorization"));
        as("mwk_" + "x".repeat(40))
                .get("/projects")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("invalid_api_key"));
        as("not-a-key").get("/projects").then().statusCode(401).body("error.code", equalTo("invalid_api_key"));
    }

    private boolean exists(String id) {
        return Db.inSession(() -> projects.findById(id)) != null;
    }
}
