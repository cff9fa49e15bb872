package io.mediawerk.intelligence.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Whether a file starts as an image tesseract reads (through leptonica): PNG, JPEG, TIFF, BMP, GIF, WebP, PNM or
 * JPEG 2000. Tesseract reads a file it does not take for an image as a list of image paths to read instead, which
 * must never happen to a file given to analyse.
 */
final class ImageSignature {

    private static final int HEAD_BYTES = 12;

    private ImageSignature() {}

    static boolean isImage(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return isImage(in.readNBytes(HEAD_BYTES));
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isImage(byte[] head) {
        return startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)
                || startsWith(head, 0xFF, 0xD8, 0xFF)
                || startsWith(head, 'I', 'I', 0x2A, 0x00)
                || startsWith(head, 'M', 'M', 0x00, 0x2A)
                || startsWith(head, 'B', 'M')
                || startsWith(head, 'G', 'I', 'F', '8')
                || isWebp(head)
                || isPnm(head)
                || startsWith(head, 0x00, 0x00, 0x00, 0x0C, 'j', 'P', ' ', ' ')
                || startsWith(head, 0xFF, 0x4F, 0xFF, 0x51);
    }

    private static boolean isWebp(byte[] head) {
        return startsWith(head, 'R', 'I', 'F', 'F')
                && head.length >= HEAD_BYTES
                && "WEBP".equals(new String(Arrays.copyOfRange(head, 8, 12), StandardCharsets.US_ASCII));
    }

    /** "P1" to "P6" and then white space. */
    private static boolean isPnm(byte[] head) {
        return head.length >= 3
                && head[0] == 'P'
                && head[1] >= '1'
                && head[1] <= '6'
                && Character.isWhitespace(head[2]);
    }

    private static boolean startsWith(byte[] head, int... signature) {
        if (head.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
