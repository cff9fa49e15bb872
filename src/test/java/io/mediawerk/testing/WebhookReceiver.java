package io.mediawerk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on 127.0.0.1, as a customer would write one: it checks every request's Standard Webhooks
 * signature with its own code (not Mediawerk's) against the secrets a test gives it, and answers as told per path
 * (a status, a sequence of statuses, a delay, a redirect, a large body).
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TOLERANCE_SECONDS = 300;

    /** One request as received, with the verdict on its signature. */
    public record Received(
            String path,
            String webhookId,
            long timestamp,
            String signatureHeader,
            String body,
            boolean signatureValid,
            long receivedAtMillis) {

        public JsonNode event() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("The body is not JSON: " + body, e);
            }
        }

        public String type() {
            return event().path("type").asText();
        }

        /** Whether one of the header's signatures is that of {@code secret}, checked by the receiver's own code. */
        public boolean signedWith(String secret) {
            return verifies(signatureHeader, secret, webhookId, timestamp, body);
        }
    }

    /** What a path answers: a status per request in turn (the last repeats), after a delay, with a body. */
    public record Answer(List<Integer> statuses, long delayMillis, byte[] body, String location) {

        public static Answer ok() {
            return status(200);
        }

        public static Answer status(Integer... statuses) {
            return new Answer(List.of(statuses), 0, new byte[0], null);
        }

        public static Answer slow(long delayMillis) {
            return new Answer(List.of(200), delayMillis, new byte[0], null);
        }

        public static Answer redirect(String location) {
            return new Answer(List.of(302), 0, new byte[0], location);
        }

        public static Answer withBody(byte[] body) {
            return new Answer(List.of(200), 0, body, null);
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Integer> served = new ConcurrentHashMap<>();
    private final Map<String, List<String>> secrets = new ConcurrentHashMap<>();
    private final Deque<Received> received = new ConcurrentLinkedDeque<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** A URL of this receiver that answers as told and trusts {@code secret}. */
    public String url(String path, Answer answer) {
        answers.put(path, answer);
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The secrets a path accepts signatures of (a rotation adds one). */
    public void trust(String path, String... pathSecrets) {
        secrets.put(path, new CopyOnWriteArrayList<>(pathSecrets));
    }

    public void answer(String path, Answer answer) {
        answers.put(path, answer);
        served.remove(path);
    }

    public List<Received> at(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    public List<Received> all() {
        return new ArrayList<>(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] bytes;
            try (InputStream in = exchange.getRequestBody()) {
                bytes = in.readAllBytes();
            }
            String body = new String(bytes, StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestampHeader = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            long timestamp = timestampHeader == null ? 0 : Long.parseLong(timestampHeader);
            boolean valid = id != null
                    && signature != null
                    && Math.abs(System.currentTimeMillis() / 1000 - timestamp) <= TOLERANCE_SECONDS
                    && secrets.getOrDefault(path, List.of()).stream()
                            .anyMatch(secret -> verifies(signature, secret, id, timestamp, body));
            received.add(new Received(path, id, timestamp, signature, body, valid, System.currentTimeMillis()));

            Answer answer = answers.getOrDefault(path, Answer.status(404));
            int turn = served.merge(path, 1, Integer::sum) - 1;
            int status = answer.statuses().get(Math.min(turn, answer.statuses().size() - 1));
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            if (answer.location() != null) {
                exchange.getResponseHeaders().add("Location", answer.location());
            }
            exchange.sendResponseHeaders(status, answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                } catch (IOException closedEarly) {
                    // Mediawerk stops reading after its limit
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean verifies(String header, String secret, String id, long timestamp, String body) {
        String expected = sign(secret, id, timestamp, body);
        return header != null && List.of(header.trim().split(" +")).stream().anyMatch(one -> same(one, expected));
    }

    /** The Standard Webhooks scheme, written from its specification. */
    private static String sign(String secret, String id, long timestamp, String body) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            String content = id + "." + timestamp + "." + body;
            return "v1," + Base64.getEncoder().encodeToString(hmac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison, as a receiver should compare signatures. */
    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
