package io.mediawerk.transform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Set;

/**
 * Whether an HLS ladder's first rendition may be a stream copy of the input: only video of the ladder's own codec
 * (H.264 for MPEG-TS, H.265 for fragmented MP4) that every player decodes, and only when the transform asked for no
 * change. When in doubt, encode — a copy that a player cannot play is worse than a second's wait. Keyframes too far
 * apart show only after the copy ({@link #MAX_SEGMENT_SECONDS}).
 */
public final class CopyGate {

    /** A copy whose keyframes leave a segment longer than this is dropped and the lowest rung encoded instead. */
    public static final double MAX_SEGMENT_SECONDS = 10;

    private static final Set<String> H264_PROFILES = Set.of("Baseline", "Constrained Baseline", "Main", "High");
    private static final Set<String> H265_PROFILES = Set.of("Main");
    /** Containers whose H.265 carries its parameter sets out of band, as an {@code hvc1} track needs them. */
    private static final Set<String> H265_CONTAINERS = Set.of("mp4", "mov");

    private static final int MAX_SHORT_SIDE = 1080;

    /**
     * @param copy whether the video is copied
     * @param copyAudio whether the audio (if any) is copied too, else encoded to AAC
     * @param reason why the video is encoded, for the source's metadata; null when copied
     */
    public record Decision(boolean copy, boolean copyAudio, String reason) {

        static Decision encode(String reason) {
            return new Decision(false, false, reason);
        }
    }

    private CopyGate() {}

    /**
     * @param streams ffprobe's {@code streams} array for the input, as {@link HlsPlan#probeCommand} prints it
     */
    public static Decision decide(TransformSpec spec, InputFacts input, JsonNode streams) {
        String refusal = optionsRefusal(spec, input);
        if (refusal != null) {
            return Decision.encode(refusal);
        }
        JsonNode video = first(streams, "video");
        if (video == null) {
            return Decision.encode("no video stream");
        }
        VideoCodec codec = HlsPlan.codec(spec);
        refusal = videoRefusal(video, codec, input);
        if (refusal != null) {
            return Decision.encode(refusal);
        }
        JsonNode audio = first(streams, "audio");
        return new Decision(true, audio == null || audioCopies(audio, codec), null);
    }

    /** Whether the input's video is of the ladder's codec, as a copy needs (before its streams are read). */
    public static boolean sameCodec(TransformSpec spec, InputFacts input) {
        return HlsPlan.codec(spec).probeName().equals(input.videoCodec());
    }

    /**
     * Why the transform's options rule a copy out (a resize, a trim...), whatever the input holds; null when they do
     * not.
     */
    public static String optionsRefusal(TransformSpec spec, InputFacts input) {
        Settings options = new Settings(spec.options());
        if (options.has("start") || options.has("end")) {
            return "the video is trimmed";
        }
        Frame frame = VideoPlan.frame(options, input);
        if (frame.crop() != null || !frame.size().equals(VideoOptions.size(input))) {
            return "the picture is resized";
        }
        if (VideoPlan.fpsFilter(options.number("fps"), input).isPresent()) {
            return "the frame rate is lowered";
        }
        return null;
    }

    /** The streams of a copy: the input's, with the audio as it will be (copied, or encoded to AAC-LC). */
    public static JsonNode copiedStreams(JsonNode streams, Decision decision) {
        ArrayNode copied = JsonNodeFactory.instance.arrayNode();
        JsonNode video = first(streams, "video");
        if (video != null) {
            copied.add(video);
        }
        JsonNode audio = first(streams, "audio");
        if (audio != null) {
            copied.add(
                    decision.copyAudio()
                            ? audio
                            : JsonNodeFactory.instance
                                    .objectNode()
                                    .put("codec_type", "audio")
                                    .put("codec_name", "aac")
                                    .put("profile", "LC"));
        }
        return copied;
    }

    private static String videoRefusal(JsonNode video, VideoCodec codec, InputFacts input) {
        boolean h265 = codec == VideoCodec.H265;
        String name = h265 ? "H.265" : "H.264";
        if (!codec.probeName().equals(video.path("codec_name").asText())) {
            return "the video is " + video.path("codec_name").asText("of an unknown codec") + ", not " + name;
        }
        String profile = video.path("profile").asText("");
        if (!(h265 ? H265_PROFILES : H264_PROFILES).contains(profile)) {
            return "the " + name + " profile " + profile + " is not one every player decodes";
        }
        if (h265 && !H265_CONTAINERS.contains(input.container())) {
            return "H.265 is copied only from MP4 or MOV, not " + input.container();
        }
        if (!"yuv420p".equals(video.path("pix_fmt").asText())) {
            return "the pixels are " + video.path("pix_fmt").asText("unknown") + ", not 8-bit 4:2:0";
        }
        String fields = video.path("field_order").asText("progressive");
        if (!"progressive".equals(fields) && !"unknown".equals(fields)) {
            return "the video is interlaced";
        }
        if (rotation(video) != 0) {
            return "the video is rotated by its metadata";
        }
        int shortSide =
                Math.min(video.path("width").asInt(), video.path("height").asInt());
        if (shortSide <= 0 || shortSide > MAX_SHORT_SIDE) {
            return "the picture is larger than the ladder's top rung";
        }
        return null;
    }

    /** AAC-LC goes into either segment format; MP3 only into MPEG-TS, where every player takes it. */
    private static boolean audioCopies(JsonNode audio, VideoCodec ladder) {
        String codec = audio.path("codec_name").asText();
        return "mp3".equals(codec) && ladder == VideoCodec.H264
                || "aac".equals(codec) && "LC".equals(audio.path("profile").asText());
    }

    private static int rotation(JsonNode video) {
        for (JsonNode data : video.path("side_data_list")) {
            if (data.has("rotation") && Math.round(data.path("rotation").asDouble()) % 360 != 0) {
                return 1;
            }
        }
        String tagged = video.path("tags").path("rotate").asText("0");
        return "0".equals(tagged) ? 0 : 1;
    }

    private static JsonNode first(JsonNode streams, String type) {
        for (JsonNode stream : streams) {
            if (type.equals(stream.path("codec_type").asText())) {
                return stream;
            }
        }
        return null;
    }
}
