package io.mediawerk.api;

/** A failure the caller can act on; turned into the error envelope with its status, code and param. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String param;

    public ApiException(int status, String code, String message, String param) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.param = param;
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
}
