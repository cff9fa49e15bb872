package io.mediawerk.api;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IP address or CIDR range, e.g. {@code 10.0.0.0/8} or {@code ::1}. Literal addresses only: no DNS. */
public record AddressRange(BigInteger network, int prefixBits, int addressBits) {

    public static AddressRange parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String host = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = literal(host);
        int bits = bytes.length * 8;
        int prefix = slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1));
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("Bad prefix length in '" + text + "'");
        }
        return new AddressRange(mask(new BigInteger(1, bytes), prefix, bits), prefix, bits);
    }

    public boolean contains(String address) {
        byte[] bytes;
        try {
            bytes = literal(address);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return bytes.length * 8 == addressBits
                && mask(new BigInteger(1, bytes), prefixBits, addressBits).equals(network);
    }

    private static BigInteger mask(BigInteger value, int prefix, int bits) {
        BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        return value.and(all.xor(hostMask));
    }

    private static byte[] literal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ipv4 = bare.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = bare.contains(":") && bare.matches("[0-9a-fA-F:.%a-zA-Z]+");
        if (!ipv4 && !ipv6) {
            throw new IllegalArgumentException("Not an IP address: '" + host + "'");
        }
        try {
            return InetAddress.getByName(bare).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an IP address: '" + host + "'", e);
        }
    }
}
