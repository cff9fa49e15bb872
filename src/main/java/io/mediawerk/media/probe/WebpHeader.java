package io.mediawerk.media.probe;

import java.util.Optional;

/**
 * Reads the canvas size of a WebP image from its first chunk. ffprobe 5.1 reports 0×0 for animated WebP, so this is
 * how those are measured.
 */
public final class WebpHeader {

    private WebpHeader() {}

    public static Optional<Dimensions> size(byte[] head, int length) {
        Bytes b = new Bytes(head, length);
        if (!b.isAscii(0, "RIFF") || !b.isAscii(8, "WEBP") || !b.has(12, 8)) {
            return Optional.empty();
        }
        String chunk = b.ascii(12, 4);
        int data = 20;
        Dimensions size = switch (chunk) {
            // extended format: canvas size minus one, 24 bits little-endian each
            case "VP8X" -> b.has(data, 10) ? new Dimensions(b.u24le(data + 4) + 1, b.u24le(data + 7) + 1) : null;
            // lossy: a frame tag, the start code 9D 01 2A, then 14-bit sizes little-endian
            case "VP8 " ->
                b.startsWith(data + 3, 0x9D, 0x01, 0x2A) && b.has(data + 6, 4)
                        ? new Dimensions(le16(b, data + 6) & 0x3FFF, le16(b, data + 8) & 0x3FFF)
                        : null;
            // lossless: the signature 0x2F, then 14-bit sizes minus one packed little-endian
            case "VP8L" -> b.startsWith(data, 0x2F) && b.has(data + 1, 4) ? lossless(b, data + 1) : null;
            default -> null;
        };
        return size == null || size.width() == 0 || size.height() == 0 ? Optional.empty() : Optional.of(size);
    }

    private static Dimensions lossless(Bytes b, int at) {
        long bits = b.u8(at) | b.u8(at + 1) << 8 | b.u8(at + 2) << 16 | (long) b.u8(at + 3) << 24;
        return new Dimensions((int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1);
    }

    private static int le16(Bytes b, int at) {
        return b.u8(at) | b.u8(at + 1) << 8;
    }
}
