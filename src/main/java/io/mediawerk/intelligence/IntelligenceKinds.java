package io.mediawerk.intelligence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiException;
import io.mediawerk.api.OptionReader;
import io.mediawerk.source.Source;
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

    private IntelligenceKinds() {}

    /**
     * The options to run with, defaults filled in.
     *
     * @param withoutProvider kinds that need a model provider this Mediawerk has none configured for
     */
    public static Map<String, Object> validate(
            String kind, ObjectNode options, Source input, Set<String> withoutProvider) {
        if (kind == null) {
            throw ApiException.invalid("kind", "Field 'kind' is required: one of " + kinds() + ".");
        }
        if (!KINDS.contains(kind)) {
            throw ApiException.invalid("kind", "kind must be one of " + kinds() + "; got '" + kind + "'.");
        }
        if (withoutProvider.contains(kind)) {
            throw new ApiException(
                    422,
                    "provider_not_configured",
                    SPEECH.equals(kind)
                            ? "speech needs a speech-to-text provider with the OpenAI-compatible transcription API (a "
                                    + "whisper.cpp or faster-whisper server, or a hosted service); none is configured. The operator "
                                    + "sets MEDIAWERK_INTELLIGENCE_SPEECH_URL (e.g. http://whisper:8080/v1) and, if it needs one, "
                                    + "MEDIAWERK_INTELLIGENCE_SPEECH_KEY."
                            : kind + " needs an image model reached over HTTP (a DeepStack-style vision API, e.g. "
                                    + "CodeProject.AI Server); none is configured. The operator sets MEDIAWERK_INTELLIGENCE_"
                                    + kind.toUpperCase(java.util.Locale.ROOT) + "_URL.",
                    "kind");
        }
        return switch (kind) {
            case AUDIO_LEVELS -> {
                reader(kind, options, Set.of());
                yield audioLevels(input);
            }
            case SCENES -> scenes(reader(kind, options, Set.of("min_scene_score", "max_scenes")), input);
            case SPEECH -> speech(reader(kind, options, Set.of("language")), input);
            case FACES -> faces(reader(kind, options, Set.of("min_size", "min_scene_score", "max_scenes")), input);
            case OBJECTS, NSFW ->
                vision(kind, reader(kind, options, Set.of("min_confidence", "min_scene_score", "max_scenes")), input);
            default -> text(reader(kind, options, Set.of("language", "min_scene_score", "max_scenes")), input);
        };
    }

    /** Reads the options; an unknown one is refused here. */
    private static OptionReader reader(String kind, ObjectNode options, Set<String> allowed) {
        return new OptionReader(options, allowed, "the " + kind + " analysis", "options.");
    }

    private static Map<String, Object> audioLevels(Source input) {
        if (input.audioCodec == null) {
            throw unsuitable("audio_levels needs sound; this " + input.kind + " has no audio stream.");
        }
        return Map.of();
    }

    private static Map<String, Object> speech(OptionReader given, Source input) {
        if (input.audioCodec == null) {
            throw unsuitable("speech needs sound; this " + input.kind + " has no audio stream.");
        }
        String language = language(
                given,
                ISO_639_1,
                null,
                "a two-letter ISO 639-1 code such as en or de; leave it "
                        + "out to let the provider detect the language.");
        Map<String, Object> options = new LinkedHashMap<>();
        if (language != null) {
            options.put("language", language);
        }
        return options;
    }

    private static Map<String, Object> faces(OptionReader given, Source input) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("min_size", given.integer("min_size", 10, 1000, 30));
        options.putAll(framesOf(given, input, "faces"));
        return options;
    }

    private static Map<String, Object> vision(String kind, OptionReader given, Source input) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("min_confidence", number(given, "min_confidence", 0.5, 0.01, 1.0));
        options.putAll(framesOf(given, input, kind));
        return options;
    }

    /** An image is looked at whole; a video at the keyframe of each scene, which these options pick. */
    private static Map<String, Object> framesOf(OptionReader given, Source input, String kind) {
        if ("video".equals(input.kind)) {
            return sceneOptions(given);
        }
        if (!"image".equals(input.kind)) {
            throw unsuitable(kind + " looks at images and video frames; this media is " + input.kind + ".");
        }
        if (given.has("min_scene_score") || given.has("max_scenes")) {
            throw ApiException.invalid(
                    given.param("min_scene_score"),
                    "min_scene_score and max_scenes pick the " + "frames of a video; an image is looked at whole.");
        }
        return Map.of();
    }

    private static Map<String, Object> scenes(OptionReader given, Source input) {
        if (!"video".equals(input.kind)) {
            throw unsuitable("scenes needs a video; this media is " + input.kind + ".");
        }
        return sceneOptions(given);
    }

    private static Map<String, Object> text(OptionReader given, Source input) {
        Map<String, Object> frames = framesOf(given, input, "text");
        Map<String, Object> options = new LinkedHashMap<>();
        options.put(
                "language",
                language(
                        given,
                        LANGUAGE,
                        "eng",
                        "a Tesseract language code such as eng, deu or "
                                + "chi_sim, several joined with + (e.g. eng+deu)."));
        options.putAll(frames);
        return options;
    }

    private static Map<String, Object> sceneOptions(OptionReader given) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("min_scene_score", number(given, "min_scene_score", 0.3, 0.05, 1.0));
        options.put("max_scenes", given.integer("max_scenes", 1, 500, 100));
        return options;
    }

    private static double number(OptionReader given, String name, double fallback, double min, double max) {
        Double value = given.number(name, min, max, "");
        return value == null ? fallback : value;
    }

    private static String language(OptionReader given, Pattern pattern, String fallback, String mustBe) {
        JsonNode node = given.node("language");
        if (node == null) {
            return fallback;
        }
        if (!node.isTextual() || !pattern.matcher(node.textValue()).matches()) {
            throw given.invalid("language", "must be " + mustBe);
        }
        return node.textValue();
    }

    private static ApiException unsuitable(String message) {
        return new ApiException(422, "unsuitable_media", message, "media_id");
    }

    private static String kinds() {
        return String.join(", ", new TreeSet<>(KINDS));
    }
}
