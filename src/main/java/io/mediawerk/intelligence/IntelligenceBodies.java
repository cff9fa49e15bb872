package io.mediawerk.intelligence;

import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of Create Intelligence Task as the API documents it, one schema per kind, chosen by {@code kind}, each
 * with its options. {@link IntelligenceService} and {@link IntelligenceKinds} read it and give the exact errors.
 */
final class IntelligenceBodies {

    private IntelligenceBodies() {}

    private static final String MEDIA_ID = "The ready media to analyse.";
    private static final String SCORE = "Of a video: how different a frame must be to start a scene (0.3 by default).";
    private static final String SCENES = "Of a video: at most this many scenes are looked at (100 by default).";

    @Schema(
            name = "CreateIntelligenceRequest",
            oneOf = {AudioLevels.class, Scenes.class, Text.class, Speech.class, Faces.class, Objects.class, Nsfw.class},
            discriminatorProperty = "kind",
            discriminatorMapping = {
                @DiscriminatorMapping(value = "audio_levels", schema = AudioLevels.class),
                @DiscriminatorMapping(value = "scenes", schema = Scenes.class),
                @DiscriminatorMapping(value = "text", schema = Text.class),
                @DiscriminatorMapping(value = "speech", schema = Speech.class),
                @DiscriminatorMapping(value = "faces", schema = Faces.class),
                @DiscriminatorMapping(value = "objects", schema = Objects.class),
                @DiscriminatorMapping(value = "nsfw", schema = Nsfw.class)
            })
    interface Create {}

    @Schema(name = "AudioLevelsAnalysis", description = "Loudness over time. Takes no options.")
    record AudioLevels(
            @Schema(required = true, description = MEDIA_ID) String mediaId,

            @Schema(required = true, enumeration = "audio_levels")
            String kind,

            @Schema(description = "Empty: this kind has no options.")
            NoOptions options) {}

    @Schema(name = "NoOptions")
    record NoOptions() {}

    @Schema(name = "ScenesAnalysis", description = "The scenes of a video with their keyframes.")
    record Scenes(
            @Schema(required = true, description = MEDIA_ID) String mediaId,
            @Schema(required = true, enumeration = "scenes") String kind,
            SceneOptions options) {}

    @Schema(name = "SceneOptions")
    record SceneOptions(
            @Schema(minimum = "0.05", maximum = "1", description = SCORE)
            Double minSceneScore,

            @Schema(minimum = "1", maximum = "500", description = SCENES)
            Integer maxScenes) {}

    @Schema(name = "TextAnalysis", description = "Lines of text read (OCR) from an image or a video's scenes.")
    record Text(
            @Schema(required = true, description = MEDIA_ID) String mediaId,
            @Schema(required = true, enumeration = "text") String kind,
            TextOptions options) {}

    @Schema(name = "TextOptions")
    record TextOptions(
            @Schema(
                    description = "Tesseract languages such as eng, deu or chi_sim, several joined with +.",
                    defaultValue = "eng")
            String language,

            @Schema(minimum = "0.05", maximum = "1", description = SCORE)
            Double minSceneScore,

            @Schema(minimum = "1", maximum = "500", description = SCENES)
            Integer maxScenes) {}

    @Schema(name = "SpeechAnalysis", description = "A transcript with timestamps, by the configured provider.")
    record Speech(
            @Schema(required = true, description = MEDIA_ID) String mediaId,
            @Schema(required = true, enumeration = "speech") String kind,
            SpeechOptions options) {}

    @Schema(name = "SpeechOptions")
    record SpeechOptions(
            @Schema(description = "ISO 639-1 code such as en; detected when absent.", pattern = "^[a-z]{2}$")
            String language) {}

    @Schema(name = "FacesAnalysis", description = "Face boxes in an image or a video's scenes.")
    record Faces(
            @Schema(required = true, description = MEDIA_ID) String mediaId,
            @Schema(required = true, enumeration = "faces") String kind,
            FaceOptions options) {}

    @Schema(name = "FaceOptions")
    record FaceOptions(
            @Schema(minimum = "10", maximum = "1000", defaultValue = "30", description = "Smallest face, in pixels.")
            Integer minSize,

            @Schema(minimum = "0.05", maximum = "1", description = SCORE)
            Double minSceneScore,

            @Schema(minimum = "1", maximum = "500", description = SCENES)
            Integer maxScenes) {}

    @Schema(name = "ObjectsAnalysis", description = "Objects with labels and boxes, by the configured provider.")
    record Objects(
            @Schema(required = true, description = MEDIA_ID) String mediaId,

            @Schema(required = true, enumeration = "objects")
            String kind,

            VisionOptions options) {}

    @Schema(name = "NsfwAnalysis", description = "Content-safety labels, by the configured provider.")
    record Nsfw(
            @Schema(required = true, description = MEDIA_ID) String mediaId,
            @Schema(required = true, enumeration = "nsfw") String kind,
            VisionOptions options) {}

    @Schema(name = "VisionOptions")
    record VisionOptions(
            @Schema(minimum = "0.01", maximum = "1", defaultValue = "0.5", description = "Lowest confidence kept.")
            Double minConfidence,

            @Schema(minimum = "0.05", maximum = "1", description = SCORE)
            Double minSceneScore,

            @Schema(minimum = "1", maximum = "500", description = SCENES)
            Integer maxScenes) {}
}
