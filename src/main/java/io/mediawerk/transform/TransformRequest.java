package io.mediawerk.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiException;
import io.mediawerk.api.Fields;
import io.mediawerk.api.Ids;
import io.mediawerk.api.KindOptions;
import io.mediawerk.source.SourceService;
import io.mediawerk.transform.plan.TransformOptions;
import java.util.Set;
import java.util.TreeSet;

/**
 * The body of Create Transform: what to read ({@code media_id} and/or {@code source_id}), the {@code kind}, the
 * {@code label} of the new source, and the kind's options, either beside these fields (as the seed shows them) or
 * inside an {@code options} object.
 */
record TransformRequest(
        String mediaId, String sourceId, String kind, String label, ObjectNode options, String optionsPrefix) {

    private static final Set<String> FIELDS = Set.of("media_id", "source_id", "kind", "label", "options");

    static TransformRequest parse(ObjectNode body) {
        Fields.requireBody(body);
        String mediaId = id(body, "media_id", "med", "media");
        String sourceId = id(body, "source_id", "src", "source");
        if (mediaId == null && sourceId == null) {
            throw ApiException.invalid(
                    "media_id",
                    "Give media_id (the media to transform, from its original) or "
                            + "source_id (one of its sources).");
        }
        String kind = text(body, "kind");
        if (kind == null) {
            throw ApiException.invalid("kind", "Field 'kind' is required: one of " + kinds() + ".");
        }
        if (!TransformOptions.KINDS.contains(kind)) {
            throw ApiException.invalid("kind", "Unknown kind '" + kind + "': use one of " + kinds() + ".");
        }
        String label = text(body, "label");
        if (label == null) {
            label = kind;
        } else if (!SourceService.LABEL.matcher(label).matches() || "original".equals(label)) {
            throw ApiException.invalid(
                    "label",
                    "label must be 1 to 64 letters, digits, '.', '-' or '_', starting "
                            + "with a letter or digit, and not 'original'.");
        }
        return new TransformRequest(mediaId, sourceId, kind, label, KindOptions.of(body, FIELDS), optionsIn(body));
    }

    private static String optionsIn(ObjectNode body) {
        JsonNode nested = body.get("options");
        return nested != null && nested.isObject() ? "options." : "";
    }

    /** An option's name as the caller wrote it, for error messages. */
    String param(String option) {
        return option == null || FIELDS.contains(option) ? option : optionsPrefix + option;
    }

    private static String id(ObjectNode body, String field, String prefix, String what) {
        String value = text(body, field);
        if (value != null && !Ids.looksLike(value, prefix)) {
            throw ApiException.invalid(
                    field, field + " must be a " + what + " id such as " + prefix + "_598j8Q37dsM3zzRe.");
        }
        return value;
    }

    private static String text(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("invalid_type", "Field '" + field + "' must be a string.", field);
        }
        return Fields.optionalText(field, value.textValue(), 64);
    }

    private static String kinds() {
        return String.join(", ", new TreeSet<>(TransformOptions.KINDS));
    }
}
