package io.mediawerk.transform.plan;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Serves one folder on 127.0.0.1 with byte ranges, as S3 does: ffmpeg seeks in MP4 files it reads over HTTP. */
final class RangeServer implements AutoCloseable {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Path root;

    RangeServer(Path root) throws IOException {
        this.root = root;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL of a file, with a query like a presigned URL's. */
    String url(String fileName) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + fileName
                + "?X-Amz-Credential=test&X-Amz-Signature=0123456789abcdef";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Path file = root.resolve(exchange.getRequestURI().getPath().substring(1))
                    .normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            int from = 0;
            int to = body.length - 1;
            String range = exchange.getRequestHeaders().getFirst("Range");
            Matcher matcher = range == null ? null : RANGE.matcher(range);
            exchange.getResponseHeaders().add("Accept-Ranges", "bytes");
            if (matcher != null && matcher.matches()) {
                from = Integer.parseInt(matcher.group(1));
                if (!matcher.group(2).isEmpty()) {
                    to = Math.min(to, Integer.parseInt(matcher.group(2)));
                }
                exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + to + "/" + body.length);
                exchange.sendResponseHeaders(206, to - from + 1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
            }
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body, from, to - from + 1);
            } catch (IOException e) {
                // ffmpeg closes the connection when it seeks elsewhere
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
