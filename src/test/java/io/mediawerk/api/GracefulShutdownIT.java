package io.mediawerk.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediawerk.localstack.Ports;
import io.mediawerk.testing.Api;
import io.mediawerk.testing.AppProcesses;
import io.mediawerk.testing.TestMedia;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An api process told to stop (SIGTERM) while an upload is streaming in finishes that upload (201, stored) before it
 * exits, within its shutdown timeout. Runs the packaged app.
 */
class GracefulShutdownIT {

    private final AppProcesses apps = new AppProcesses("graceful-shutdown-it");

    @AfterEach
    void stopAll() {
        apps.close();
    }

    @Test
    void anUploadInFlightWhenTheApiIsStoppedCompletes() throws Exception {
        int port = Ports.freePort();
        Process api = apps.launch(
                "api",
                port,
                Map.of(
                        "mp.messaging.incoming.transforms.enabled",
                        "false",
                        "mp.messaging.incoming.intelligence.enabled",
                        "false"));
        AppProcesses.awaitReady(port, api);
        String base = "http://127.0.0.1:" + port;
        String key = AppProcesses.projectKey(base, "graceful");
        String uploadUrl = Api.uploadUrl(given().baseUri(base).header("Authorization", "Bearer " + key));
        byte[] file = TestMedia.bytes(TestMedia.longWav(20));

        SlowBody body = new SlowBody(file, 64 * 1024, 60);
        CompletableFuture<HttpResponse<String>> upload = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create(uploadUrl))
                                .header("Content-Type", "audio/wav")
                                .PUT(HttpRequest.BodyPublishers.fromPublisher(
                                        HttpRequest.BodyPublishers.ofInputStream(() -> body), file.length))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        while (body.sent() < file.length / 4) {
            Thread.sleep(50);
        }
        api.destroy();

        HttpResponse<String> answer = upload.get(60, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(answer.body()).contains("\"status\":\"ready\"");
        assertThat(api.waitFor(40, TimeUnit.SECONDS))
                .as("the api exits once the upload is done")
                .isTrue();
    }

    /** A request body that arrives slowly: {@code chunk} bytes every {@code delayMillis}. */
    private static final class SlowBody extends InputStream {

        private final byte[] data;
        private final int chunk;
        private final long delayMillis;
        private volatile int position;

        SlowBody(byte[] data, int chunk, long delayMillis) {
            this.data = data;
            this.chunk = chunk;
            this.delayMillis = delayMillis;
        }

        int sent() {
            return position;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position >= data.length) {
                return -1;
            }
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            int n = Math.min(Math.min(length, chunk), data.length - position);
            System.arraycopy(data, position, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
