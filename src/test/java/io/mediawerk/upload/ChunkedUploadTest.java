package io.mediawerk.upload;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import io.mediawerk.storage.Storage;
import io.mediawerk.storage.StorageKeys;
import io.mediawerk.testing.Api;
import io.mediawerk.testing.Db;
import io.mediawerk.testing.TestMedia;
import io.mediawerk.testing.TestStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Large files in chunks, resuming after an interruption, and outages that must leave nothing half-stored. */
@Tag("stack")
@QuarkusTest
class ChunkedUploadTest {

    private static final int MIB8 = 8 * 1024 * 1024;

    @Inject
    Storage storage;

    @Test
    void aFileSentInChunksIsResumableAndCompletes() throws IOException {
        Api.TestProject project = Api.newProject("Chunks");
        byte[] wav = Files.readAllBytes(TestMedia.longWav(100));
        assertThat(wav.length).isGreaterThan(2 * MIB8);
        String url = Api.uploadUrl(project);

        chunk(url, wav, 0, MIB8)
                .then()
                .statusCode(202)
                .header("Upload-Offset", String.valueOf(MIB8))
                .body("data.status", equalTo("partial"))
                .body("data.received", equalTo(MIB8))
                .body("data.total", equalTo(wav.length));
        // the client asks where to resume
        given().get(url).then().statusCode(200).header("Upload-Offset", String.valueOf(MIB8));
        // a chunk from the wrong offset, and one that is not a whole number of parts, are refused
        chunk(url, wav, 0, MIB8).then().statusCode(409).body("error.code", equalTo("wrong_offset"));
        chunk(url, wav, MIB8, 1000).then().statusCode(400).body("error.code", equalTo("invalid_chunk_size"));

        chunk(url, wav, MIB8, MIB8).then().statusCode(202).body("data.received", equalTo(2 * MIB8));
        Response done = chunk(url, wav, 2 * MIB8, wav.length - 2 * MIB8);
        done.then()
                .statusCode(201)
                .body("data.kind", equalTo("audio"))
                .body("data.filesize", equalTo(wav.length))
                .body("data.sources[0].audio_codec", equalTo("pcm_s16le"));
        assertThat(done.jsonPath().getDouble("data.duration")).isCloseTo(100.0, within(0.5));
        byte[] delivered = given().get(done.jsonPath().getString("data.sources[0].url"))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(Arrays.equals(delivered, wav)).isTrue();
        chunk(url, wav, 0, MIB8).then().statusCode(410);
    }

    @Test
    void anInterruptedUploadKeepsNothingAndCanBeSentAgain() throws Exception {
        Api.TestProject project = Api.newProject("Interrupted");
        byte[] wav = Files.readAllBytes(TestMedia.longWav(100));
        String url = Api.uploadUrl(project);
        URI uri = URI.create(url);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: " + uri.getHost()
                            + "\r\nContent-Type: audio/wav\r\nContent-Length: " + wav.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(wav, 0, wav.length / 2);
            out.flush();
            Thread.sleep(500);
        }
        String id = url.substring(url.indexOf("/uploads/") + 9, url.indexOf("/file"));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .untilAsserted(() -> given().get(url)
                        .then()
                        .statusCode(200)
                        .body("data.status", equalTo("open"))
                        .body("data.received", equalTo(0)));
        given().body(wav).put(url).then().statusCode(201).body("data.filesize", equalTo(wav.length));
        assertThat(id).startsWith("upl_");
    }

    @Test
    void storageDownDuringAnUploadIsA503AndStoresNothing() {
        Api.TestProject project = Api.newProject("S3 down");
        String url = Api.uploadUrl(project);
        String uploadId = url.substring(url.indexOf("/uploads/") + 9, url.indexOf("/file"));
        TestStack.control("s3", "stop");
        try {
            given().body(TestMedia.bytes("png"))
                    .put(url)
                    .then()
                    .statusCode(503)
                    .body("error.code", equalTo("storage_unavailable"));
        } finally {
            TestStack.control("s3", "start");
        }
        // nothing was kept, and the same URL still works once storage is back
        given().get(url).then().statusCode(200).body("data.status", equalTo("open"));
        String mediaId = given().body(TestMedia.bytes("png"))
                .put(url)
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        assertThat(Db.inSession(() -> storage.exists(StorageKeys.original(project.id(), mediaId))))
                .isTrue();
        assertThat(uploadId).startsWith("upl_");
    }

    private static Response chunk(String url, byte[] file, int from, int length) {
        byte[] body = Arrays.copyOfRange(file, from, from + length);
        return given().header("Content-Range", "bytes " + from + "-" + (from + length - 1) + "/" + file.length)
                .contentType("application/octet-stream")
                .body(body)
                .put(url);
    }
}
