package io.mediawerk.api;

/** Checks on request fields whose failures name the field and say what would be accepted. */
public final class Fields {

    private Fields() {}

    public static <T> T requireBody(T body) {
        if (body == null) {
            throw ApiException.badRequest("missing_body", "This request needs a JSON object body.", null);
        }
        return body;
    }

    /** A required text field, trimmed, with a length limit. */
    public static String requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, "Field '" + field + "' is required and must not be blank.");
        }
        return optionalText(field, value, maxLength);
    }

    /** An optional text field: null stays null; otherwise trimmed and length-checked. */
    public static String optionalText(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw ApiException.invalid(
                    field,
                    "Field '" + field + "' must be at most " + maxLength + " characters; it has " + trimmed.length()
                            + ".");
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw ApiException.invalid(field, "Field '" + field + "' must not contain control characters.");
        }
        return trimmed;
    }

    /** An id taken from the path: one of the wrong shape cannot exist, so it is a 404 without a query. */
    public static String requireId(String id, String prefix, String what) {
        if (!Ids.looksLike(id, prefix)) {
            throw ApiException.notFound(what, id);
        }
        return id;
    }
}
