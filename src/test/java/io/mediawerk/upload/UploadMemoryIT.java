package io.mediawerk.upload;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediawerk.localstack.Ports;
import io.mediawerk.testing.AppProcesses;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 100 uploads of 20 MiB at once into the packaged app at -Xmx256m (2 GB against a 64 MiB buffer budget): each ends
 * 201 or 503 with Retry-After, the 503s succeed when sent again, every stored file is exactly the bytes sent, the
 * instance answers health checks throughout and never runs out of memory. Half the uploads are curl's, which sends
 * {@code Expect: 100-continue} and so may be refused before it sends its body; half are the JDK's HTTP client,
 * which sends its body at once (its Expect support hangs on any answer but 100, a client bug) and must read the 503
 * after it.
 */
class UploadMemoryIT {

    private static final int UPLOADS = 100;
    private static final int FILE_BYTES = 20 * 1024 * 1024;
    private static final int HEADER = 44;
    /** The content of every upload sent by curl (they share one file). */
    private static final int CURL = -1;

    private final AppProcesses apps = new AppProcesses("upload-memory-it");

    @AfterEach
    void stopAll() {
        apps.close();
    }

    @Test
    void concurrentUploadsPastTheBudgetAreRefusedOrStoredNeverLost() throws Exception {
        int port = Ports.freePort();
        Process api = apps.launch(
                "api",
                port,
                "256m",
                Map.of(
                        "mp.messaging.incoming.transforms.enabled",
                        "false",
                        "mp.messaging.incoming.intelligence.enabled",
                        "false"));
        AppProcesses.awaitReady(port, api);
        String base = "http://127.0.0.1:" + port;
        String key = AppProcesses.projectKey(base, "upload-memory");
        byte[] shared = new byte[FILE_BYTES - HEADER - 4096];
        new Random(42).nextBytes(shared);

        List<String> urls = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            urls.add(given().baseUri(base)
                    .header("Authorization", "Bearer " + key)
                    .contentType(ContentType.JSON)
                    .body("{\"timeout\": 3600}")
                    .post("/uploads")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("data.url"));
        }
        HealthWatch health = new HealthWatch(base);
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Path curlFile = curlFile(shared);
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            answers.add(
                    i % 2 == 0
                            ? curl(urls.get(i), curlFile, String.valueOf(i))
                            : client.sendAsync(put(urls.get(i), i, shared), HttpResponse.BodyHandlers.ofString())
                                    .thenApply(Answer::of));
        }
        List<Integer> refused = new ArrayList<>();
        Map<Integer, String> media = new HashMap<>();
        for (int i = 0; i < UPLOADS; i++) {
            Answer answer = answers.get(i).get(5, TimeUnit.MINUTES);
            assertThat(answer.status()).as("upload %d: %s", i, answer.body()).isIn(201, 503);
            if (answer.status() == 503) {
                assertThat(answer.retryAfter()).as("upload %d: Retry-After", i).isPositive();
                assertThat(answer.body()).contains("\"code\":\"server_busy\"");
                refused.add(i);
            } else {
                assertThat(answer.body()).contains("\"status\":\"ready\"");
                media.put(i, mediaId(answer.body()));
            }
        }
        assertThat(refused)
                .as("100 uploads of 20 MiB do not fit a 64 MiB budget at once")
                .isNotEmpty();
        ExecutorService retries = Executors.newFixedThreadPool(4);
        Map<Integer, Future<String>> retried = new HashMap<>();
        for (int i : refused) {
            retried.put(i, retries.submit(() -> retryUntilStored(client, urls.get(i), i, shared)));
        }
        for (Map.Entry<Integer, Future<String>> retry : retried.entrySet()) {
            media.put(retry.getKey(), retry.getValue().get(10, TimeUnit.MINUTES));
        }
        retries.shutdown();
        health.stop();

        for (Map.Entry<Integer, String> upload : media.entrySet()) {
            String fileUrl = given().baseUri(base)
                    .header("Authorization", "Bearer " + key)
                    .get("/media/" + upload.getValue())
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("data.sources[0].url");
            HttpResponse<InputStream> file = client.send(
                    HttpRequest.newBuilder(URI.create(fileUrl)).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(file.statusCode()).isEqualTo(200);
            try (InputStream body = file.body()) {
                int i = upload.getKey();
                assertThat(sha256(body))
                        .as("the stored bytes of upload %d", i)
                        .isEqualTo(sha256(content(i % 2 == 0 ? CURL : i, shared)));
            }
        }
        assertThat(health.failures())
                .as("health checks that did not answer 200 within 3 s")
                .isEmpty();
        assertThat(health.answered()).isPositive();
        assertThat(api.isAlive()).isTrue();
        String metrics = given().baseUri(base).get("/q/metrics").asString();
        assertThat(metrics).contains("mediawerk_uploads_refused_total", "mediawerk_upload_buffer_used_bytes");
        assertThat(Files.readString(apps.log("api"))).doesNotContain("OutOfMemoryError");
    }

    @Test
    void uploadsWhoseClientsLeaveWhileWaitingForMemoryGiveItBackAndStayUsable() throws Exception {
        int port = Ports.freePort();
        Process api = apps.launch(
                "api-one-part",
                port,
                "256m",
                Map.of(
                        "mp.messaging.incoming.transforms.enabled",
                        "false",
                        "mp.messaging.incoming.intelligence.enabled",
                        "false",
                        "mediawerk.buffers.budget-mib",
                        "8",
                        "mediawerk.buffers.max-wait",
                        "PT60S"));
        AppProcesses.awaitReady(port, api);
        String base = "http://127.0.0.1:" + port;
        String key = AppProcesses.projectKey(base, "upload-memory-leavers");
        byte[] shared = new byte[FILE_BYTES - HEADER - 4096];
        new Random(7).nextBytes(shared);
        Path file = curlFile(shared);
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            urls.add(given().baseUri(base)
                    .header("Authorization", "Bearer " + key)
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .post("/uploads")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("data.url"));
        }
        CompletableFuture<Answer> slow = curl(urls.get(0), file, "slow", "--limit-rate", "4M");
        await().atMost(Duration.ofSeconds(30)).until(() -> metric(base, "mediawerk_upload_buffer_reserved_bytes") > 0);

        List<Socket> leavers = new ArrayList<>();
        for (String url : urls.subList(1, 4)) {
            URI uri = URI.create(url);
            Socket socket = new Socket("127.0.0.1", port);
            socket.getOutputStream()
                    .write(("PUT " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\n"
                                    + "Host: 127.0.0.1\r\nContent-Type: audio/wav\r\nContent-Length: " + FILE_BYTES
                                    + "\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(content(CURL, shared)[0]);
            leavers.add(socket);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> metric(base, "mediawerk_uploads_waiting") == 3);
        for (Socket socket : leavers) {
            socket.close();
        }

        assertThat(slow.get(2, TimeUnit.MINUTES).status()).isEqualTo(201);
        for (int i = 1; i < 4; i++) {
            Answer again = curl(urls.get(i), file, "again-" + i).get(2, TimeUnit.MINUTES);
            assertThat(again.status())
                    .as("the URL of a client that left is still unused: %s", again.body())
                    .isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(metric(base, "mediawerk_upload_buffer_reserved_bytes")).isZero();
            assertThat(metric(base, "mediawerk_upload_buffer_used_bytes")).isZero();
            assertThat(metric(base, "mediawerk_uploads_waiting")).isZero();
        });
        assertThat(api.isAlive()).isTrue();
    }

    private static double metric(String base, String name) {
        return given().baseUri(base)
                .get("/q/metrics")
                .asString()
                .lines()
                .filter(line -> line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not on /q/metrics"));
    }

    /** The file every curl upload sends. */
    private static Path curlFile(byte[] shared) throws IOException {
        Path file =
                Files.createDirectories(Path.of("target", "upload-memory-it")).resolve("curl.wav");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (byte[] part : content(CURL, shared)) {
                out.write(part);
            }
        }
        return file;
    }

    /** What an upload was answered. */
    private record Answer(int status, String body, long retryAfter) {

        static Answer of(HttpResponse<String> response) {
            return new Answer(
                    response.statusCode(),
                    response.body(),
                    Long.parseLong(response.headers().firstValue("Retry-After").orElse("0")));
        }
    }

    /** The upload sent by curl, as a user would ({@code -T}: with Expect: 100-continue, as curl does by default). */
    private static CompletableFuture<Answer> curl(String url, Path file, String name, String... options)
            throws IOException {
        Path headers = file.resolveSibling(name + ".headers");
        Path body = file.resolveSibling(name + ".json");
        List<String> command = new ArrayList<>(List.of(
                "curl",
                "-s",
                "-D",
                headers.toString(),
                "-o",
                body.toString(),
                "-w",
                "%{http_code}",
                "-H",
                "Content-Type: audio/wav",
                "-T",
                file.toString()));
        command.addAll(List.of(options));
        command.add(url);
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        return curl.onExit().thenApply(done -> {
            try {
                int status = Integer.parseInt(new String(done.getInputStream().readAllBytes()).trim());
                long retryAfter = Files.readAllLines(headers).stream()
                        .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("retry-after:"))
                        .mapToLong(line -> Long.parseLong(line.substring(12).trim()))
                        .findFirst()
                        .orElse(0);
                return new Answer(status, Files.readString(body), retryAfter);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String retryUntilStored(HttpClient client, String url, int i, byte[] shared) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            HttpResponse<String> answer =
                    client.send(put(url, i % 2 == 0 ? CURL : i, shared), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 201) {
                return mediaId(answer.body());
            }
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
            Thread.sleep(
                    Long.parseLong(answer.headers().firstValue("Retry-After").orElse("1")) * 1000);
        }
        throw new AssertionError("upload " + i + " was refused 20 times");
    }

    private static HttpRequest put(String url, int i, byte[] shared) {
        byte[][] parts = content(i, shared);
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "audio/wav")
                .timeout(Duration.ofMinutes(5))
                .PUT(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofByteArrays(List.of(parts)), FILE_BYTES))
                .build();
    }

    /** A WAV header, 4 KiB that differ for each upload, then the bytes every upload shares. */
    private static byte[][] content(int i, byte[] shared) {
        int data = FILE_BYTES - HEADER;
        ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes())
                .putInt(data + 36)
                .put("WAVEfmt ".getBytes())
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 2)
                .putInt(48000)
                .putInt(192000)
                .putShort((short) 4)
                .putShort((short) 16)
                .put("data".getBytes())
                .putInt(data);
        byte[] own = new byte[4096];
        new Random(i).nextBytes(own);
        return new byte[][] {header.array(), own, shared};
    }

    private static String sha256(byte[][] parts) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (byte[] part : parts) {
            digest.update(part);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] chunk = new byte[1 << 16];
        for (int n; (n = in.read(chunk)) > 0; ) {
            digest.update(chunk, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String mediaId(String body) {
        int at = body.indexOf("\"id\":\"med_");
        return body.substring(at + 6, body.indexOf('"', at + 6));
    }

    /** Asks /q/health/live every 250 ms from its own thread and keeps what did not answer 200 in time. */
    private static final class HealthWatch {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger answered = new AtomicInteger();
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final Thread thread;

        HealthWatch(String base) {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(3))
                    .build();
            HttpRequest live = HttpRequest.newBuilder(URI.create(base + "/q/health/live"))
                    .timeout(Duration.ofSeconds(3))
                    .build();
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        int status = client.send(live, HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                        if (status == 200) {
                            answered.incrementAndGet();
                        } else {
                            failures.add("status " + status);
                        }
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            });
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        List<String> failures() {
            return List.copyOf(failures);
        }

        int answered() {
            return answered.get();
        }
    }
}
