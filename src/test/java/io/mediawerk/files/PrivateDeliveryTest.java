package io.mediawerk.files;

import static io.mediawerk.testing.Api.admin;
import static io.mediawerk.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.mediawerk.testing.Api;
import io.mediawerk.testing.TestMedia;
import io.mediawerk.testing.Transforms;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Private delivery: a private media's files answer 403 without a signed URL; signed URLs work until they expire,
 * for their own source only, and carry their signature to the segments of an HLS playlist.
 */
@Tag("stack")
@QuarkusTest
class PrivateDeliveryTest {

    @Test
    void aPrivateMediaNeedsASignedUrl() {
        Api.TestProject project = Api.newProject("Private delivery");
        byte[] png = TestMedia.bytes("png");
        String mediaId = upload(project, png);
        Response media = as(project.key()).get("/media/" + mediaId);
        String plain = media.path("data.sources[0].url");
        String sourceId = media.path("data.sources[0].id");
        given().get(plain).then().statusCode(200);

        as(project.key())
                .body(Map.of("private_delivery", true))
                .patch("/media/" + mediaId)
                .then()
                .statusCode(200)
                .body("data.private_delivery", equalTo(true));
        given().get(plain).then().statusCode(403).body("error.code", equalTo("signature_required"));

        Response signed =
                as(project.key()).body(Map.of("expires_in", 120)).post("/sources/" + sourceId + "/signed-url");
        signed.then().statusCode(200).body("data.object", equalTo("signed_url")).body("data.url", startsWith("http"));
        String url = signed.path("data.url");
        assertThat(Instant.parse(signed.path("data.expires")))
                .isAfter(Instant.now().plusSeconds(100));
        Response file = given().get(url);
        file.then().statusCode(200).header("Cache-Control", startsWith("private, max-age="));
        assertThat(file.asByteArray()).isEqualTo(png);
        given().header("Range", "bytes=0-3").get(url).then().statusCode(206);

        String[] parts = URI.create(url).getPath().split("/");
        String expires = parts[3];
        String signature = parts[4];
        String tampered = url.replace(signature, (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1));
        given().get(tampered).then().statusCode(403).body("error.code", equalTo("invalid_signature"));
        given().get(url.replace("/" + expires + "/", "/" + (Long.parseLong(expires) + 3600) + "/"))
                .then()
                .statusCode(403)
                .body("error.code", equalTo("invalid_signature"));
        long past = Instant.now().getEpochSecond() - 5;
        given().get(url.replace("/" + expires + "/" + signature + "/", "/" + past + "/" + sign(sourceId, past) + "/"))
                .then()
                .statusCode(403)
                .body("error.code", equalTo("signature_expired"));

        String otherMedia = upload(project, TestMedia.bytes("jpeg"));
        String otherSource = as(project.key()).get("/media/" + otherMedia).path("data.sources[0].id");
        given().get(url.replace(sourceId, otherSource))
                .then()
                .statusCode(403)
                .body("error.code", equalTo("invalid_signature"));
    }

    @Test
    void theProjectSettingAppliesUnlessTheMediaSaysOtherwise() {
        Api.TestProject project = Api.newProject("Private project");
        admin().body(Map.of("private_delivery", true))
                .patch("/projects/" + project.id())
                .then()
                .statusCode(200)
                .body("data.private_delivery", equalTo(true));
        String closed = upload(project, TestMedia.bytes("png"));
        String open = upload(project, TestMedia.bytes("png"));
        as(project.key())
                .body(Map.of("private_delivery", false))
                .patch("/media/" + open)
                .then()
                .statusCode(200);
        given().get(urlOf(project, closed)).then().statusCode(403);
        given().get(urlOf(project, open)).then().statusCode(200);
        as(project.key())
                .body("{\"private_delivery\": null}")
                .patch("/media/" + open)
                .then()
                .statusCode(200);
        given().get(urlOf(project, open)).then().statusCode(403);

        admin().body("{\"private_delivery\": \"yes\"}")
                .patch("/projects/" + project.id())
                .then()
                .statusCode(400)
                .body("error.param", equalTo("private_delivery"));
        as(project.key())
                .body("{\"private_delivery\": 1}")
                .patch("/media/" + open)
                .then()
                .statusCode(400);
        String source = as(project.key()).get("/media/" + open).path("data.sources[0].id");
        as(project.key())
                .body(Map.of("expires_in", 5))
                .post("/sources/" + source + "/signed-url")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("expires_in"));
        as(project.key())
                .body(Map.of("expires_in", 700000))
                .post("/sources/" + source + "/signed-url")
                .then()
                .statusCode(400);
        Api.TestProject other = Api.newProject("Private other");
        as(other.key())
                .body("{}")
                .post("/sources/" + source + "/signed-url")
                .then()
                .statusCode(404);
    }

    @Test
    void aSignedPlaylistCarriesItsSignatureToItsSegments() {
        Api.TestProject project = Api.newProject("Private HLS");
        String mediaId = upload(project, TestMedia.bytes("mp4"), "video/mp4");
        as(project.key())
                .body(Map.of("private_delivery", true))
                .patch("/media/" + mediaId)
                .then()
                .statusCode(200);
        String transform = Transforms.create(
                project, "{\"media_id\": \"" + mediaId + "\", \"kind\": \"video\", " + "\"format\": \"hls\"}");
        Response done = Transforms.awaitCompleted(project, transform);
        String hls = done.path("data.output.id");
        given().get((String) done.path("data.output.url")).then().statusCode(403);

        String playlist = as(project.key())
                .body("{}")
                .post("/sources/" + hls + "/signed-url")
                .path("data.url");
        List<String> uris = given().get(playlist)
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
        assertThat(uris).isNotEmpty();
        URI next = URI.create(playlist).resolve(uris.get(0));
        given().get(next).then().statusCode(200);
    }

    private static String upload(Api.TestProject project, byte[] file) {
        return upload(project, file, "image/png");
    }

    private static String upload(Api.TestProject project, byte[] file, String type) {
        return Api.upload(project, file, type).then().statusCode(201).extract().path("data.id");
    }

    private static String urlOf(Api.TestProject project, String mediaId) {
        return as(project.key()).get("/media/" + mediaId).path("data.sources[0].url");
    }

    /** The scheme, implemented here from its description, with the test profile's secret. */
    private static String sign(String sourceId, long expires) {
        try {
            String secret = ConfigProvider.getConfig().getValue("mediawerk.signing.secret", String.class);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] key = mac.doFinal("mediawerk signed delivery v1".getBytes(StandardCharsets.UTF_8));
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal((sourceId + "\n" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
