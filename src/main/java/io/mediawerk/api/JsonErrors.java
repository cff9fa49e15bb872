package io.mediawerk.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns Jackson's failures into a 400 that names the field and says what it must look like. */
final class JsonErrors {

    private JsonErrors() {}

    static ApiException toApiException(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return ApiException.badRequest(
                    "unknown_field",
                    "Unknown field '" + field + "'. Allowed fields: " + known(unknown.getKnownPropertyIds()) + ".",
                    field);
        }
        if (e instanceof ValueInstantiationException invalid && invalid.getCause() instanceof ApiException api) {
            return api;
        }
        if (e instanceof ValidUnicode.InvalidUnicodeException
                || String.valueOf(e.getOriginalMessage()).contains("surrogate")) {
            String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
            String which = field.isEmpty() ? "The request body" : "Field '" + field + "'";
            return ApiException.badRequest(
                    "invalid_unicode",
                    which + " is not valid Unicode: it holds half of a "
                            + "surrogate pair (an escape such as \\ud800 without its partner). Send text as UTF-8, or a "
                            + "character beyond U+FFFF as both escapes of its pair.",
                    field.isEmpty() ? null : field);
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            if (field.isEmpty()) {
                String what = mismatch.getTargetType() == null ? "a JSON object" : expected(mismatch.getTargetType());
                return ApiException.badRequest("invalid_body", "The request body must be " + what + ".", null);
            }
            return ApiException.badRequest(
                    "invalid_type", "Field '" + field + "' must be " + expected(mismatch.getTargetType()) + ".", field);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return ApiException.badRequest(
                    "invalid_type", "Field '" + field + "' has an invalid value: " + e.getOriginalMessage(), field);
        }
        String where = e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
        return ApiException.badRequest(
                "invalid_json",
                "The request body is not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()),
                null);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a JSON object";
        }
        return "of type " + type.getSimpleName();
    }

    private static String known(Collection<Object> ids) {
        List<String> names = ids == null
                ? List.of()
                : ids.stream().map(String::valueOf).sorted().toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
