package io.mediawerk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Custom delivery domains: verification and the active-host cache ({@code mediawerk.domains.*}). */
@ConfigMapping(prefix = "mediawerk.domains")
public interface DomainSettings {

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
    Duration checkEvery();

    /** How long a domain may stay pending before it fails. */
    @WithDefault("P3D")
    Duration verifyFor();

    /** Time allowed for one DNS or HTTP check. */
    @WithDefault("PT5S")
    Duration timeout();

    /** How often each instance reloads the active domains (a domain activated elsewhere counts then). */
    @WithDefault("5s")
    Duration refreshEvery();

    /** The scheme of source URLs on a custom domain (TLS is the operator's: ingress or CDN). */
    @WithDefault("https")
    String urlScheme();

    @WithDefault("20")
    int maxPerProject();
}
