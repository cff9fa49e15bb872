package io.mediawerk.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** rest-assured shortcuts for calling Mediawerk as a client would. */
public final class Api {

    private Api() {}

    /** A project made for one test, with a project key. */
    public record TestProject(String id, String key) {}

    public static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    public static RequestSpecification admin() {
        return as(TestStack.adminKey());
    }

    /** A new upload URL of the project. */
    public static String uploadUrl(TestProject project) {
        return uploadUrl(as(project.key()));
    }

    /** A new upload URL made by this caller (a project key, and the instance when it is not the test's own). */
    public static String uploadUrl(RequestSpecification caller) {
        return caller.contentType(ContentType.JSON)
                .body("{}")
                .post("/uploads")
                .then()
                .statusCode(201)
                .extract()
                .path("data.url");
    }

    /** Sends a whole file to a new upload URL as the raw body. */
    public static io.restassured.response.Response upload(TestProject project, byte[] file, String contentType) {
        return given().contentType(contentType).body(file).put(uploadUrl(project));
    }

    /** Uploads a file as {@link #upload} does, expects 201 and gives the new media's id. */
    public static String uploadedMedia(TestProject project, java.nio.file.Path file, String contentType) {
        return upload(project, TestMedia.bytes(file), contentType)
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
    }

    public static TestProject newProject(String name) {
        String id = admin().body(Map.of("name", name))
                .post("/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        String key = admin().body(Map.of("name", "test key"))
                .post("/projects/" + id + "/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("data.key");
        return new TestProject(id, key);
    }
}
