package io.mediawerk.upload;

import static io.mediawerk.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.mediawerk.testing.Api;
import io.mediawerk.testing.TestMedia;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("stack")
@QuarkusTest
class UploadTest {

    static Api.TestProject project;

    @BeforeEach
    void project() {
        if (project == null) {
            project = Api.newProject("Uploads");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "mp4, video, video/mp4, h264, aac",
        "mov, video, video/quicktime, h264, aac",
        "mkv, video, video/x-matroska, h264, opus",
        "webm, video, video/webm, vp9, opus",
        "hevc, video, video/hevc, hevc, ",
        "jpeg, image, image/jpeg, , ",
        "png, image, image/png, , ",
        "gif, image, image/gif, , ",
        "webp, image, image/webp, , ",
        "heic, image, image/heic, , ",
        "mp3, audio, audio/mpeg, , mp3",
        "m4a, audio, audio/mp4, , aac",
        "aac, audio, audio/aac, , aac",
        "wav, audio, audio/wav, , pcm_s16le",
        "ogg, audio, audio/opus, , opus",
        "flac, audio, audio/flac, , flac"
    })
    void everySeedFormatIsUploadedAndProbed(
            String format, String kind, String mime, String videoCodec, String audioCodec) {
        byte[] file = TestMedia.bytes(format);
        Response created = Api.upload(project, file, "application/octet-stream");
        created.then()
                .statusCode(201)
                .body("meta.type", equalTo("object"))
                .body("meta.project_id", equalTo(project.id()))
                .body("data.object", equalTo("media"))
                .body("data.kind", equalTo(kind))
                .body("data.status", equalTo("ready"))
                .body("data.filesize", equalTo(file.length))
                .body("data.sources.size()", equalTo(1))
                .body("data.sources[0].label", equalTo("original"))
                .body("data.sources[0].kind", equalTo(kind))
                .body("data.sources[0].mime_type", equalTo(mime))
                .body("data.sources[0].filesize", equalTo(file.length))
                .body("data.sources[0].status", equalTo("ready"));
        assertThat(created.jsonPath().getString("data.sources[0].video_codec")).isEqualTo(videoCodec);
        assertThat(created.jsonPath().getString("data.sources[0].audio_codec")).isEqualTo(audioCodec);
        if (!kind.equals("audio")) {
            int width = created.path("data.width");
            assertThat(width).isIn(80, 160, 320);
        }
        if (!kind.equals("image")) {
            assertThat(created.jsonPath().getDouble("data.duration")).isCloseTo(2.0, within(0.3));
        }
        String url = created.path("data.sources[0].url");
        byte[] delivered = given().get(url).then().statusCode(200).extract().asByteArray();
        assertThat(Arrays.equals(delivered, file))
                .as("delivered bytes are the uploaded bytes")
                .isTrue();
    }

    @Test
    void multipartFormUploadsWorkAndFileNamesAreIgnored() {
        byte[] png = TestMedia.bytes("png");
        given().multiPart("file", "holiday-video.mp4", png, "video/mp4")
                .post(Api.uploadUrl(project))
                .then()
                .statusCode(201)
                .body("data.kind", equalTo("image"))
                .body("data.sources[0].mime_type", equalTo("image/png"))
                .body("data.sources[0].url", containsString(".png"));
    }

    @Test
    void uploadUrlsAreSingleUse() {
        String url = Api.uploadUrl(project);
        given().body(TestMedia.bytes("jpeg")).put(url).then().statusCode(201);
        given().body(TestMedia.bytes("jpeg"))
                .put(url)
                .then()
                .statusCode(410)
                .body("error.code", equalTo("upload_url_used"));
    }

    @Test
    void tamperedUrlsAre403() {
        String url = Api.uploadUrl(project);
        String tampered = url.substring(0, url.length() - 3) + (url.endsWith("A") ? "BBB" : "AAA");
        given().body(TestMedia.bytes("jpeg"))
                .put(tampered)
                .then()
                .statusCode(403)
                .body("error.code", equalTo("invalid_upload_token"));
        given().body(TestMedia.bytes("jpeg"))
                .put(url.substring(0, url.indexOf('?')))
                .then()
                .statusCode(403);
        String other = Api.uploadUrl(project);
        String swapped = url.substring(0, url.indexOf('?')) + other.substring(other.indexOf('?'));
        given().body(TestMedia.bytes("jpeg")).put(swapped).then().statusCode(403);
    }

    @Test
    void uploadUrlsCarryNoApiKeyAndCreateWithOptions() {
        Response created = as(project.key())
                .body("{\"timeout\": 60, \"metadata\": {\"user\": \"u1\"}, " + "\"expires\": 3600}")
                .post("/uploads");
        created.then().statusCode(201).body("data.object", equalTo("upload")).body("data.status", equalTo("open"));
        String url = created.path("data.url");
        assertThat(url).doesNotContain(project.key()).contains("/uploads/").contains("token=");
        Response media = given().body(TestMedia.bytes("png")).put(url);
        media.then().statusCode(201).body("data.metadata.user", equalTo("u1"));
        assertThat(media.jsonPath().getString("data.expires")).isNotNull();
    }

    @ParameterizedTest
    @CsvSource({"timeout, 9", "timeout, 3601", "expires, 59", "expires, 31536001"})
    void uploadOptionsAreChecked(String field, int value) {
        as(project.key())
                .body("{\"" + field + "\": " + value + "}")
                .post("/uploads")
                .then()
                .statusCode(400)
                .body("error.param", equalTo(field));
    }

    @Test
    void filesThatAreNotMediaAre415() {
        given().body("just some text, not a video".getBytes(StandardCharsets.UTF_8))
                .put(Api.uploadUrl(project))
                .then()
                .statusCode(415)
                .body("error.code", equalTo("unsupported_format"))
                .body("error.message", containsString("Accepted"));
        given().body(new byte[0])
                .put(Api.uploadUrl(project))
                .then()
                .statusCode(415)
                .body("error.code", equalTo("empty_file"));
        byte[] mov = TestMedia.bytes("mov");
        byte[] truncated = Arrays.copyOf(mov, mov.length / 3);
        given().body(truncated)
                .put(Api.uploadUrl(project))
                .then()
                .statusCode(415)
                .body("error.code", equalTo("corrupt_file"));
    }

    @Test
    void imageBombsAreRefused() {
        byte[] bomb = PngHeader.withSize(100_000, 100_000);
        given().body(bomb)
                .put(Api.uploadUrl(project))
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(422), equalTo(415)));
    }

    @Test
    void oversizedFilesAre413BeforeAnyByteIsStored() {
        given().header("Content-Range", "bytes 0-8388607/99999999999999")
                .body(new byte[16])
                .put(Api.uploadUrl(project))
                .then()
                .statusCode(413)
                .body("error.code", equalTo("file_too_large"));
    }

    @Test
    void statusOfAnUploadIsReadableThroughItsUrl() {
        String url = Api.uploadUrl(project);
        given().get(url)
                .then()
                .statusCode(200)
                .header("Upload-Offset", "0")
                .body("data.status", equalTo("open"))
                .body("data.received", equalTo(0))
                .body("data.url", org.hamcrest.Matchers.nullValue());
        given().options(url).then().statusCode(204).header("Access-Control-Allow-Origin", "*");
        String id = url.substring(url.indexOf("/uploads/") + 9, url.indexOf("/file"));
        as(project.key()).get("/uploads/" + id).then().statusCode(200).body("data.id", startsWith("upl_"));
    }
}
