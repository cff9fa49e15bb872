package io.mediawerk.intelligence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiException;
import io.mediawerk.source.Source;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The analyses Mediawerk runs itself, what each one reads and the options it takes, checked when a task is created
 * so that an impossible analysis is a 400 (bad option) or 422 (wrong media), never a task that fails later.
 */
public final class IntelligenceKinds {

    public static final String AUDIO_LEVELS = "audio_levels";
    public static final String SCENES = "scenes";
    public static final String TEXT = "text";
    public static final String SPEECH = "speech";
    public static final String FACES = "faces";
    public static final String OBJECTS = "objects";
    public static final String NSFW = "nsfw";
    public static final Set<String> KINDS = Set.of(AUDIO_LEVELS, SCENES, TEXT, SPEECH, FACES, OBJECTS, NSFW);
    private static final Pattern ISO_639_1 = Pattern.compile("[a-z]{2}");

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{3}(_[a-z]+)?(\\+[a-z]{3}(_[a-z]+)?){0,3}");

    private IntelligenceKinds() {
    }

    /**
     * The options to run with, defaults filled in.
     *
     * @param withoutProvider kinds that need a model provider this Mediawerk has none configured for
     */
    public static Map<String, Object> validate(String kind, ObjectNode options, Source input,
                                               Set<String> withoutProvider) {
        if (kind == null) {
            throw ApiException.invalid("kind", "Field 'kind' is required: one of " + kinds() + ".");
        }
        if (!KINDS.contains(kind)) {
            throw ApiException.invalid("kind", "kind must be one of " + kinds() + "; got '" + kind + "'.");
        }
        if (withoutProvider.contains(kind)) {
            throw new ApiException(422, "provider_not_configured", SPEECH.equals(kind)
                    ? "speech needs a speech-to-text provider with the OpenAI-compatible transcription API (a "
                    + "whisper.cpp or faster-whisper server, or a hosted service); none is configured. The operator "
                    + "sets MEDIAWERK_INTELLIGENCE_SPEECH_URL (e.g. http://whisper:8080/v1) and, if it needs one, "
                    + "MEDIAWERK_INTELLIGENCE_SPEECH_KEY."
                    : kind + " needs an image model reached over HTTP (a DeepStack-style vision API, e.g. "
                    + "CodeProject.AI Server); none is configured. The operator sets MEDIAWERK_INTELLIGENCE_"
                    + kind.toUpperCase(java.util.Locale.ROOT) + "_URL.", "kind");
        }
        Map<String, Object> given = plain(options);
        return switch (kind) {
            case AUDIO_LEVELS -> audioLevels(given, input);
            case SCENES -> scenes(given, input);
            case SPEECH -> speech(given, input);
            case FACES -> faces(given, input);
            case OBJECTS, NSFW -> vision(kind, given, input);
            default -> text(given, input);
        };
    }

    private static Map<String, Object> audioLevels(Map<String, Object> given, Source input) {
        allow(given, Set.of());
        if (input.audioCodec == null) {
            throw unsuitable("audio_levels needs sound; this " + input.kind + " has no audio stream.");
        }
        return Map.of();
    }

    private static Map<String, Object> speech(Map<String, Object> given, Source input) {
        allow(given, Set.of("language"));
        if (input.audioCodec == null) {
            throw unsuitable("speech needs sound; this " + input.kind + " has no audio stream.");
        }
        Object language = given.get("language");
        if (language != null && (!(language instanceof String code) || !ISO_639_1.matcher(code).matches())) {
            throw ApiException.invalid("options.language", "options.language must be a two-letter ISO 639-1 code "
                    + "such as en or de; leave it out to let the provider detect the language.");
        }
        Map<String, Object> options = new LinkedHashMap<>();
        if (language != null) {
            options.put("language", language);
        }
        return options;
    }

    private static Map<String, Object> faces(Map<String, Object> given, Source input) {
        allow(given, Set.of("min_size", "min_scene_score", "max_scenes"));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("min_size", (int) Math.round(wholeNumber(given, "min_size", 30, 10, 1000)));
        options.putAll(framesOf(given, input, "faces"));
        return options;
    }

    private static Map<String, Object> vision(String kind, Map<String, Object> given, Source input) {
        allow(given, Set.of("min_confidence", "min_scene_score", "max_scenes"));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("min_confidence", number(given, "min_confidence", 0.5, 0.01, 1.0));
        options.putAll(framesOf(given, input, kind));
        return options;
    }

    /** An image is looked at whole; a video at the keyframe of each scene, which these options pick. */
    private static Map<String, Object> framesOf(Map<String, Object> given, Source input, String kind) {
        if ("video".equals(input.kind)) {
            return sceneOptions(given);
        }
        if (!"image".equals(input.kind)) {
            throw unsuitable(kind + " looks at images and video frames; this media is " + input.kind + ".");
        }
        if (given.containsKey("min_scene_score") || given.containsKey("max_scenes")) {
            throw ApiException.invalid("options.min_scene_score", "min_scene_score and max_scenes pick the frames "
                    + "of a video; an image is looked at whole.");
        }
        return Map.of();
    }

    private static Map<String, Object> scenes(Map<String, Object> given, Source input) {
        allow(given, Set.of("min_scene_score", "max_scenes"));
        if (!"video".equals(input.kind)) {
            throw unsuitable("scenes needs a video; this media is " + input.kind + ".");
        }
        return sceneOptions(given);
    }

    private static Map<String, Object> text(Map<String, Object> given, Source input) {
        allow(given, Set.of("language", "min_scene_score", "max_scenes"));
        Map<String, Object> frames = framesOf(given, input, "text");
        Object language = given.getOrDefault("language", "eng");
        if (!(language instanceof String code) || !LANGUAGE.matcher(code).matches()) {
            throw ApiException.invalid("options.language", "options.language must be a Tesseract language code "
                    + "such as eng, deu or chi_sim, several joined with + (e.g. eng+deu).");
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("language", language);
        options.putAll(frames);
        return options;
    }

    private static Map<String, Object> sceneOptions(Map<String, Object> given) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("min_scene_score", number(given, "min_scene_score", 0.3, 0.05, 1.0));
        options.put("max_scenes", (int) Math.round(wholeNumber(given, "max_scenes", 100, 1, 500)));
        return options;
    }

    private static double number(Map<String, Object> given, String name, double fallback, double min, double max) {
        Object value = given.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number) || number.doubleValue() < min || number.doubleValue() > max) {
            throw ApiException.invalid("options." + name, "options." + name + " must be a number from " + min
                    + " to " + max + ".");
        }
        return number.doubleValue();
    }

    private static double wholeNumber(Map<String, Object> given, String name, int fallback, int min, int max) {
        Object value = given.get(name);
        if (value != null && (!(value instanceof Integer) && !(value instanceof Long))) {
            throw ApiException.invalid("options." + name, "options." + name + " must be a whole number from "
                    + min + " to " + max + ".");
        }
        return number(given, name, fallback, min, max);
    }

    private static void allow(Map<String, Object> given, Set<String> allowed) {
        for (String name : given.keySet()) {
            if (!allowed.contains(name)) {
                throw ApiException.badRequest("unknown_field", "Unknown option '" + name + "'."
                        + (allowed.isEmpty() ? " This kind takes no options." : " Allowed: "
                        + String.join(", ", new TreeSet<>(allowed)) + "."), "options." + name);
            }
        }
    }

    private static Map<String, Object> plain(ObjectNode options) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (options == null) {
            return values;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = options.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            values.put(field.getKey(), value.isIntegralNumber() ? (Object) value.longValue()
                    : value.isNumber() ? (Object) value.doubleValue() : value.isTextual() ? value.textValue()
                    : value.isNull() ? null : value.toString());
        }
        return values;
    }

    private static ApiException unsuitable(String message) {
        return new ApiException(422, "unsuitable_media", message, "media_id");
    }

    private static String kinds() {
        return String.join(", ", new TreeSet<>(KINDS));
    }
}
