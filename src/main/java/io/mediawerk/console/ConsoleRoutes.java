package io.mediawerk.console;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The web console is static files ({@code META-INF/resources/console}) that call the public API. A browser opening
 * the API's root (it asks for HTML) is sent there; API clients asking the root for JSON still get the API's answer.
 */
@ApplicationScoped
public class ConsoleRoutes {

    public static final String PATH = "/console/";

    void register(@Observes Router router) {
        router.route("/").order(-90).method(HttpMethod.GET).handler(ConsoleRoutes::sendBrowsersToConsole);
        router.route("/console").order(-90).method(HttpMethod.GET).handler(ctx -> {
            if (ctx.request().path().equals("/console")) {
                redirect(ctx);
            } else {
                ctx.next();
            }
        });
    }

    private static void sendBrowsersToConsole(RoutingContext ctx) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("text/html")) {
            redirect(ctx);
        } else {
            ctx.next();
        }
    }

    private static void redirect(RoutingContext ctx) {
        ctx.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, PATH).end();
    }
}
