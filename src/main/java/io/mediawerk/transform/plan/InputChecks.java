package io.mediawerk.transform.plan;

import io.mediawerk.api.ApiException;
import java.util.ArrayList;
import java.util.List;

/** Whether the input has what a kind of transform needs: if not, a 400 on {@code kind} naming the kinds that fit. */
final class InputChecks {

    private InputChecks() {}

    /** A video with a picture: for video, thumbnails and animation. */
    static void requireVideo(String kind, InputFacts input) {
        if (!input.isVideo() || !input.hasSize()) {
            throw mismatch(kind, input, "a video");
        }
    }

    /** An image, or a video to take a frame from. */
    static void requirePicture(String kind, InputFacts input) {
        if (!input.isImage() && !input.isVideo() || !input.hasSize()) {
            throw mismatch(kind, input, "an image or a video");
        }
    }

    /** Sound: an audio file or a video with an audio track. */
    static void requireSound(String kind, InputFacts input) {
        if (!input.hasAudio() || input.isImage()) {
            throw mismatch(kind, input, "sound (an audio file or a video with an audio track)");
        }
    }

    private static ApiException mismatch(String kind, InputFacts input, String needed) {
        List<String> fitting = fittingKinds(input);
        String advice = fitting.isEmpty()
                ? "No transform can use it."
                : "Kinds that fit it: " + String.join(", ", fitting) + ".";
        return ApiException.invalid(
                "kind",
                "The input is " + describe(input) + "; " + Words.withArticle(kind) + " transform needs " + needed + ". "
                        + advice);
    }

    private static String describe(InputFacts input) {
        if (input.isImage()) {
            return "an image";
        }
        if (input.isVideo() && !input.hasAudio()) {
            return "a video without an audio track";
        }
        if (input.isVideo()) {
            return "a video";
        }
        return "audio";
    }

    static List<String> fittingKinds(InputFacts input) {
        List<String> kinds = new ArrayList<>();
        if (input.isVideo() && input.hasSize()) {
            kinds.add("video");
        }
        if ((input.isImage() || input.isVideo()) && input.hasSize()) {
            kinds.add("image");
        }
        if (input.hasAudio() && !input.isImage()) {
            kinds.add("audio");
        }
        if (input.isVideo() && input.hasSize()) {
            kinds.addAll(List.of("thumbnails", "animation"));
        }
        return kinds;
    }
}
