package io.mediawerk.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/** A small HTTP server on 127.0.0.1 that serves what a test puts in it: files, errors, redirects, silence. */
public final class FileServer implements AutoCloseable {

    /** What a path answers. */
    public sealed interface Answer permits Bytes, Status, Redirect, Hang {}

    public record Bytes(byte[] body, String contentType) implements Answer {}

    public record Status(int code) implements Answer {}

    public record Redirect(String location) implements Answer {}

    public record Hang(long millis) implements Answer {}

    private static FileServer shared;

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private FileServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** One server for the test run. */
    public static synchronized FileServer shared() {
        if (shared == null) {
            try {
                shared = new FileServer();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public String put(String path, Answer answer) {
        answers.put(path, answer);
        return url(path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Answer answer = answers.getOrDefault(exchange.getRequestURI().getPath(), new Status(404));
        try (exchange) {
            if (answer instanceof Bytes bytes) {
                exchange.getResponseHeaders().add("Content-Type", bytes.contentType());
                exchange.sendResponseHeaders(200, bytes.body().length == 0 ? -1 : bytes.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes.body());
                }
            } else if (answer instanceof Status status) {
                exchange.sendResponseHeaders(status.code(), -1);
            } else if (answer instanceof Redirect redirect) {
                exchange.getResponseHeaders().add("Location", redirect.location());
                exchange.sendResponseHeaders(302, -1);
            } else if (answer instanceof Hang hang) {
                try {
                    Thread.sleep(hang.millis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(200, -1);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
