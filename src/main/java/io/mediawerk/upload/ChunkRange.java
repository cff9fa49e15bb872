package io.mediawerk.upload;

import io.mediawerk.api.ApiException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code Content-Range: bytes start-end/total} of one chunk of a chunked upload. */
public record ChunkRange(long start, long end, long total) {

    public static final String HEADER = "Content-Range";
    private static final Pattern FORMAT = Pattern.compile("bytes (\\d{1,15})-(\\d{1,15})/(\\d{1,15})");

    /** Null when the header is absent (the whole file in one request). */
    public static ChunkRange parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Matcher m = FORMAT.matcher(header.trim());
        if (!m.matches()) {
            throw ApiException.badRequest(
                    "invalid_content_range",
                    "Content-Range must look like " + "'bytes 0-8388607/20000000' (first byte, last byte, total size).",
                    HEADER);
        }
        ChunkRange range =
                new ChunkRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
        if (range.end < range.start || range.end >= range.total) {
            throw ApiException.badRequest(
                    "invalid_content_range",
                    "Content-Range '" + header + "' is impossible: "
                            + "the last byte must be at or after the first and before the total.",
                    HEADER);
        }
        return range;
    }

    public long length() {
        return end - start + 1;
    }

    public boolean isLast() {
        return end + 1 == total;
    }
}
