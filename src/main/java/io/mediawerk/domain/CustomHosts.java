package io.mediawerk.domain;

import io.mediawerk.api.ApiException;
import io.mediawerk.api.RawResponses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/** A custom domain serves its project's files and nothing else: the API answers only on Mediawerk's own hosts. */
@ApplicationScoped
public class CustomHosts {

    private static final String FILES = "/files/";

    private final ActiveDomains domains;
    private final RawResponses raw;

    public CustomHosts(ActiveDomains domains, RawResponses raw) {
        this.domains = domains;
        this.raw = raw;
    }

    /** The host a request was sent to, lowercase, without its port. */
    public static String hostOf(RoutingContext ctx) {
        String host = ctx.request().getHeader("Host");
        if (host == null) {
            return null;
        }
        int end = host.startsWith("[") ? host.indexOf(']') + 1 : host.indexOf(':');
        return (end > 0 ? host.substring(0, end) : host).toLowerCase(Locale.ROOT);
    }

    void register(@Observes Router router) {
        router.route().order(-102).handler(ctx -> {
            if (domains.projectOf(hostOf(ctx)) != null && !ctx.normalizedPath().startsWith(FILES)) {
                raw.fail(
                        ctx,
                        raw.callOf(ctx, null),
                        new ApiException(
                                404,
                                "not_found",
                                "This host delivers files " + "only; the API answers on Mediawerk's own address.",
                                null));
            } else {
                ctx.next();
            }
        });
    }
}
