package io.mediawerk.upload;

import io.mediawerk.api.ApiException;
import io.vertx.core.http.HttpServerRequest;
import java.util.Locale;

/**
 * What an upload request says of its body before a byte of it is read: a chunk ({@code Content-Range}) or the whole
 * file, raw or as a multipart form, and its length. Refused here: sizes over the limit, an empty file, a chunk whose
 * headers disagree.
 *
 * @param range the chunk, or null for the whole file
 * @param declared the body's {@code Content-Length}, -1 if not given
 */
record UploadBody(ChunkRange range, boolean multipart, long declared) {

    static UploadBody of(HttpServerRequest request, long maxBytes) {
        ChunkRange range = ChunkRange.parse(request.getHeader(ChunkRange.HEADER));
        String type = request.getHeader("Content-Type");
        boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
        UploadBody body = new UploadBody(range, multipart, contentLength(request.getHeader("Content-Length")));
        body.check(maxBytes);
        return body;
    }

    /** The bytes this request brings, -1 when unknown (a form, or no length given). */
    long expectedBytes() {
        return range != null ? range.length() : declared;
    }

    private void check(long maxBytes) {
        if (multipart && range != null) {
            throw ApiException.badRequest(
                    "invalid_content_range",
                    "Chunks (Content-Range) must be sent as the raw body, not as a multipart form.",
                    ChunkRange.HEADER);
        }
        long total = range != null ? range.total() : multipart ? -1 : declared;
        if (total > maxBytes) {
            throw new ApiException(
                    413,
                    "file_too_large",
                    "The file is " + total + " bytes; the limit is " + maxBytes + " bytes.",
                    null);
        }
        if (range != null && declared >= 0 && declared != range.length()) {
            throw ApiException.badRequest(
                    "invalid_content_range",
                    "Content-Length (" + declared + ") differs from the chunk's length in Content-Range ("
                            + range.length() + ").",
                    ChunkRange.HEADER);
        }
        if (range == null && declared == 0) {
            throw new ApiException(415, "empty_file", "The file is empty (0 bytes).", null);
        }
    }

    private static long contentLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_content_length", "Content-Length must be a number.", null);
        }
    }
}
