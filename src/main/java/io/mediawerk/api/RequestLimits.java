package io.mediawerk.api;

import io.mediawerk.config.HttpSettings;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * The API's limits on a request's URL, headers and body, answered in the error envelope. Vert.x itself answers a
 * request over its own (higher) limits with an empty 414 or 431 before any route runs, so its limits are set well
 * above these ({@code quarkus.http.limits.*}) and these are checked first thing, for every path; the body limit
 * after the raw routes (uploads take files, their own limit), before the REST layer would answer an empty 413.
 */
@ApplicationScoped
public class RequestLimits {

    /** Longest request line target (path and query) the API takes. */
    static final int MAX_URI = 4096;
    /** Largest total size of the request's header names and values. */
    static final int MAX_HEADERS = 20 * 1024;

    /** Runs after the raw routes (uploads, file delivery: order -100 and below), which read their own bodies. */
    private static final int AFTER_RAW_ROUTES = -50;

    private final RawResponses raw;
    private final long maxBody;

    public RequestLimits(RawResponses raw, HttpSettings httpSettings) {
        this.raw = raw;
        this.maxBody = httpSettings.maxJsonBodyBytes();
    }

    void register(@Observes Router router) {
        router.route().order(-1000).handler(ctx -> {
            String uri = ctx.request().uri();
            int headers = sizeOf(ctx.request().headers());
            if (uri.length() > MAX_URI) {
                refuse(
                        ctx,
                        new ApiException(
                                414,
                                "uri_too_long",
                                "The URL is " + uri.length() + " characters; " + "the limit is " + MAX_URI
                                        + ". Send long values in a JSON body instead.",
                                null));
            } else if (headers > MAX_HEADERS) {
                refuse(
                        ctx,
                        new ApiException(
                                431,
                                "headers_too_large",
                                "The request's headers are " + headers + " bytes; the limit is " + MAX_HEADERS
                                        + " bytes.",
                                null));
            } else {
                ctx.next();
            }
        });
        BodyHandler streamedBodies = BodyHandler.create(false).setBodyLimit(maxBody);
        router.route().order(AFTER_RAW_ROUTES).handler(ctx -> {
            long length = contentLength(ctx.request().getHeader("Content-Length"));
            if (length > maxBody) {
                refuse(ctx, tooLarge(length + " bytes"));
            } else if (length < 0 && "chunked".equalsIgnoreCase(ctx.request().getHeader("Transfer-Encoding"))) {
                // read here, up to the limit (past it: 413 below); the REST layer then takes the body read
                streamedBodies.handle(ctx);
            } else {
                ctx.next();
            }
        });
        router.route().order(AFTER_RAW_ROUTES).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                refuse(ctx, tooLarge("over " + maxBody + " bytes"));
            } else {
                ctx.next();
            }
        });
    }

    private ApiException tooLarge(String size) {
        return new ApiException(
                413,
                "body_too_large",
                "The body is " + size + "; the limit is " + maxBody + " bytes. Upload files through /uploads instead.",
                null);
    }

    private static long contentLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Answers, then closes the connection: the client may still be sending what was refused. */
    private void refuse(RoutingContext ctx, ApiException error) {
        ctx.response().putHeader("Connection", "close");
        ctx.response().endHandler(ignored -> ctx.request().connection().close());
        raw.fail(ctx, raw.callOf(ctx, null), error);
    }

    private static int sizeOf(MultiMap headers) {
        int size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }
}
