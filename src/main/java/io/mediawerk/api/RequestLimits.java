package io.mediawerk.api;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * The API's limits on a request's URL and headers, answered in the error envelope. Vert.x itself answers a request
 * over its own (higher) limits with an empty 414 or 431 before any route runs, so its limits are set well above these
 * ({@code quarkus.http.limits.*}) and these are checked first thing, for every path.
 */
@ApplicationScoped
public class RequestLimits {

    /** Longest request line target (path and query) the API takes. */
    static final int MAX_URI = 4096;
    /** Largest total size of the request's header names and values. */
    static final int MAX_HEADERS = 20 * 1024;

    private final RawResponses raw;

    public RequestLimits(RawResponses raw) {
        this.raw = raw;
    }

    void register(@Observes Router router) {
        router.route().order(-1000).handler(ctx -> {
            String uri = ctx.request().uri();
            int headers = sizeOf(ctx.request().headers());
            if (uri.length() > MAX_URI) {
                refuse(ctx, new ApiException(414, "uri_too_long", "The URL is " + uri.length() + " characters; "
                        + "the limit is " + MAX_URI + ". Send long values in a JSON body instead.", null));
            } else if (headers > MAX_HEADERS) {
                refuse(ctx, new ApiException(431, "headers_too_large", "The request's headers are " + headers
                        + " bytes; the limit is " + MAX_HEADERS + " bytes.", null));
            } else {
                ctx.next();
            }
        });
    }

    private void refuse(io.vertx.ext.web.RoutingContext ctx, ApiException error) {
        ctx.response().putHeader("Connection", "close");
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
