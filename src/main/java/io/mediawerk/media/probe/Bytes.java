package io.mediawerk.media.probe;

import java.nio.charset.StandardCharsets;

/** Bounds-checked big-endian reads from the first bytes of a file; callers check {@link #has} before reading. */
final class Bytes {

    private final byte[] data;
    private final int length;

    Bytes(byte[] data, int length) {
        this.data = data == null ? new byte[0] : data;
        this.length = Math.max(0, Math.min(length, this.data.length));
    }

    int length() {
        return length;
    }

    /** Whether {@code count} bytes starting at {@code at} are available. */
    boolean has(long at, long count) {
        return at >= 0 && count >= 0 && at <= length - count;
    }

    int u8(int at) {
        return data[at] & 0xFF;
    }

    int u16(int at) {
        return u8(at) << 8 | u8(at + 1);
    }

    int u24(int at) {
        return u8(at) << 16 | u16(at + 1);
    }

    long u32(int at) {
        return (long) u16(at) << 16 | u16(at + 2);
    }

    long u64(int at) {
        return u32(at) << 32 | u32(at + 4);
    }

    /** Little-endian, as RIFF files store their numbers. */
    int u24le(int at) {
        return u8(at) | u8(at + 1) << 8 | u8(at + 2) << 16;
    }

    String ascii(int at, int count) {
        return has(at, count) ? new String(data, at, count, StandardCharsets.ISO_8859_1) : "";
    }

    boolean isAscii(int at, String expected) {
        return ascii(at, expected.length()).equals(expected);
    }

    boolean startsWith(int at, int... expected) {
        if (!has(at, expected.length)) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (u8(at + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
