package io.mediawerk.api;

/** A failure the caller can act on; turned into the error envelope with its status, code and param. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String param;
    private final Long retryAfter;

    public ApiException(int status, String code, String message, String param) {
        this(status, code, message, param, null);
    }

    /** With the seconds a caller should wait before retrying (the Retry-After header); null for a 503's default. */
    public ApiException(int status, String code, String message, String param, Long retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.param = param;
        this.retryAfter = retryAfter;
    }

    public static ApiException badRequest(String code, String message, String param) {
        return new ApiException(400, code, message, param);
    }

    public static ApiException invalid(String param, String message) {
        return new ApiException(400, "invalid_parameter", message, param);
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(404, "not_found", "No " + what + " with id '" + id + "' exists.", null);
    }

    public static ApiException forbidden(String code, String message) {
        return new ApiException(403, code, message, null);
    }

    public static ApiException unauthorized(String code, String message) {
        return new ApiException(401, code, message, null);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String param() {
        return param;
    }

    /** What the Retry-After header says: its own seconds, the default for a 503, else null (none). */
    public String retryAfter() {
        return retryAfter != null ? String.valueOf(retryAfter) : status == 503 ? ApiErrors.RETRY_AFTER_SECONDS : null;
    }
}
