package io.mediawerk.net;

import io.mediawerk.api.AddressRange;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Server-side request forgery guard: Mediawerk fetches only from public addresses. Loopback, private, link-local
 * (cloud metadata at 169.254.169.254 included), carrier-grade NAT, multicast and reserved ranges are refused,
 * unless the operator allows them (ingest and webhooks each have an {@code allowed-networks} setting).
 */
public final class NetworkPolicy {

    private static final List<AddressRange> FORBIDDEN = List.of(
                    "0.0.0.0/8",
                    "10.0.0.0/8",
                    "100.64.0.0/10",
                    "127.0.0.0/8",
                    "169.254.0.0/16",
                    "172.16.0.0/12",
                    "192.0.0.0/24",
                    "192.0.2.0/24",
                    "192.88.99.0/24",
                    "192.168.0.0/16",
                    "198.18.0.0/15",
                    "198.51.100.0/24",
                    "203.0.113.0/24",
                    "224.0.0.0/4",
                    "240.0.0.0/4",
                    "::/128",
                    "::1/128",
                    "64:ff9b::/96",
                    "100::/64",
                    "2001:db8::/32",
                    "fc00::/7",
                    "fe80::/10",
                    "ff00::/8")
            .stream()
            .map(AddressRange::parse)
            .toList();

    private final List<AddressRange> allowed;

    private NetworkPolicy(List<String> allowedNetworks) {
        this.allowed = allowedNetworks.stream().map(AddressRange::parse).toList();
    }

    /** Public addresses, and these ranges (CIDR or single addresses) although they are private. */
    public static NetworkPolicy allowing(List<String> allowedNetworks) {
        return new NetworkPolicy(allowedNetworks);
    }

    /** An address a host resolves to that the policy refuses. */
    public static final class Refused extends Exception {

        private final String address;

        Refused(String address) {
            super(address, null, false, false);
            this.address = address;
        }

        public String address() {
            return address;
        }
    }

    /**
     * Resolves {@code host} (blocking: DNS) and checks every address it has; the first is the one to connect to, so
     * that no second lookup can rebind the name to an address that was not checked.
     */
    public InetAddress resolve(String host) throws UnknownHostException, Refused {
        InetAddress[] addresses = InetAddress.getAllByName(
                host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host);
        for (InetAddress address : addresses) {
            if (!permits(address)) {
                throw new Refused(address.getHostAddress());
            }
        }
        return addresses[0];
    }

    /** A request for {@code uri} sent to {@code address} (checked by {@link #resolve}), redirects not followed. */
    public static RequestOptions requestTo(URI uri, InetAddress address, HttpMethod method) {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new RequestOptions()
                .setMethod(method)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setHost(uri.getHost())
                .setPort(port)
                .setSsl(https)
                .setURI(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery())
                .setFollowRedirects(false);
    }

    public boolean permits(InetAddress address) {
        InetAddress effective = unwrapMapped(address);
        String text = effective.getHostAddress();
        if (allowed.stream().anyMatch(range -> range.contains(text))) {
            return true;
        }
        return !(effective.isAnyLocalAddress()
                || effective.isLoopbackAddress()
                || effective.isLinkLocalAddress()
                || effective.isSiteLocalAddress()
                || effective.isMulticastAddress()
                || FORBIDDEN.stream().anyMatch(range -> range.contains(text)));
    }

    /** An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is. */
    private static InetAddress unwrapMapped(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
                try {
                    return Inet4Address.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (java.net.UnknownHostException e) {
                    return address;
                }
            }
        }
        return address;
    }
}
