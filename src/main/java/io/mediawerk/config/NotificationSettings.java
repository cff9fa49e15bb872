package io.mediawerk.config;

import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** The settings of webhooks and custom domains (part of {@link MediawerkConfig}). */
public interface NotificationSettings {

    Webhooks webhooks();

    Domains domains();

    interface Domains {

        /**
         * The DNS server (host:port) asked for verification TXT records and for the addresses of the HTTP check;
         * empty: the system's resolvers.
         */
        Optional<String> dnsServer();

        /** The port of the HTTP check: http://<hostname>:<port>/.well-known/mediawerk-verification/<token>. */
        @WithDefault("80")
        int httpPort();

        /** Address ranges the HTTP check may connect to although they are private (tests only). */
        Optional<List<String>> allowedNetworks();

        /** How often pending domains are checked. */
        @WithDefault("60s")
        String checkEvery();

        /** How long a domain may stay pending before it fails. */
        @WithDefault("P3D")
        java.time.Duration verifyFor();

        /** Time allowed for one DNS or HTTP check. */
        @WithDefault("PT5S")
        java.time.Duration timeout();

        /** How often each instance reloads the active domains (a domain activated elsewhere counts then). */
        @WithDefault("5s")
        String refreshEvery();

        /** The scheme of source URLs on a custom domain (TLS is the operator's: ingress or CDN). */
        @WithDefault("https")
        String urlScheme();

        @WithDefault("20")
        int maxPerProject();
    }

    interface Webhooks {

        /** Accept http:// webhook URLs (local development and tests only: production receivers use https). */
        @WithDefault("false")
        boolean allowHttp();

        /** Address ranges webhooks may be delivered to although they are private (e.g. 127.0.0.1/32 in tests). */
        Optional<List<String>> allowedNetworks();

        /** A receiver must answer with a 2xx within this time, or the attempt failed. */
        @WithDefault("PT10S")
        java.time.Duration timeout();

        /** Wait before the first retry; each next one waits twice as long (with jitter), up to retry-max-delay. */
        @WithDefault("PT5S")
        java.time.Duration retryFirstDelay();

        /** The longest wait between two attempts. */
        @WithDefault("PT4H")
        java.time.Duration retryMaxDelay();

        /** How long a delivery is retried before it fails for good (at least a day in production). */
        @WithDefault("PT26H")
        java.time.Duration retryFor();

        /** A webhook whose attempts all failed for this long is disabled, with the reason. */
        @WithDefault("P5D")
        java.time.Duration disableAfter();

        /** How long the previous secret keeps signing after a rotation, unless the rotation says otherwise. */
        @WithDefault("PT24H")
        java.time.Duration secretGrace();

        /** Deliveries in flight at once in this dispatcher. */
        @WithDefault("64")
        int maxInFlight();

        /** Deliveries in flight at once to one webhook, so that a slow receiver cannot take every slot. */
        @WithDefault("8")
        int maxInFlightPerWebhook();

        /** How often due retries are looked for (new events are sent at once). */
        @WithDefault("1s")
        String pollEvery();

        /** Deliveries (and their attempts) older than this are deleted. */
        @WithDefault("P30D")
        java.time.Duration keepDeliveries();

        /** Most webhooks one project may have. */
        @WithDefault("50")
        int maxPerProject();
    }
}
