package io.mediawerk.transform.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/** Validates the options of a transform against its kind and its input, and fills in the defaults. */
public final class TransformOptions {

    public static final Set<String> KINDS = Set.of("video", "image", "audio", "thumbnails", "animation");
    private static final String KIND_LIST = "video, image, audio, thumbnails, animation";

    private TransformOptions() {}

    /**
     * @param kind one of {@link #KINDS}
     * @param options the options as the caller sent them, without {@code label}; null for none
     * @param input what the input source holds
     * @return the options with every default filled in; validating them again gives the same spec
     * @throws ApiException 400 {@code invalid_parameter} whose param is the option at fault as given ({@code kind}
     *     when the input does not fit the kind, {@code input} when no transform can read the input), with a message
     *     that says what to change
     */
    public static TransformSpec validate(String kind, ObjectNode options, InputFacts input) {
        if (kind == null || !KINDS.contains(kind)) {
            throw ApiException.invalid(
                    "kind",
                    "kind must be one of " + KIND_LIST + "; got " + (kind == null ? "nothing" : "'" + kind + "'")
                            + ".");
        }
        if (input == null) {
            throw new IllegalArgumentException("The input's facts are needed to validate a transform");
        }
        if (!isReadable(input)) {
            throw ApiException.invalid(
                    "input",
                    "A " + input.container() + " source cannot be transformed; use the "
                            + "media's original or another source.");
        }
        Map<String, Object> normalised = switch (kind) {
            case VideoOptions.KIND -> VideoOptions.validate(options, input);
            case ImageOptions.KIND -> ImageOptions.validate(options, input);
            case AudioOptions.KIND -> AudioOptions.validate(options, input);
            case ThumbnailsOptions.KIND -> ThumbnailsOptions.validate(options, input);
            default -> AnimationOptions.validate(options, input);
        };
        return new TransformSpec(kind, Collections.unmodifiableMap(normalised));
    }

    /** Whether a transform can read a source like this one (an HLS stream, for one, it cannot). */
    public static boolean isReadable(InputFacts input) {
        return Planner.needsLocalInput(input) || FfmpegInput.demuxer(input.container()) != null;
    }
}
