package io.mediawerk.media.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Decides what a file holds from ffprobe's JSON ({@code -show_format -show_streams}). */
final class FfprobeOutput {

    private static final double MAX_FPS = 1000;

    private FfprobeOutput() {}

    static ProbeResult toResult(JsonNode root, MediaFormat format) {
        List<JsonNode> pictures = new ArrayList<>();
        List<JsonNode> videos = new ArrayList<>();
        List<JsonNode> audios = new ArrayList<>();
        for (JsonNode stream : root.path("streams")) {
            String type = stream.path("codec_type").asText("");
            if (type.equals("video")) {
                pictures.add(stream);
                // cover art of MP3 and M4A files shows as a video stream made of one attached picture
                if (stream.path("disposition").path("attached_pic").asInt(0) != 1) {
                    videos.add(stream);
                }
            } else if (type.equals("audio")) {
                audios.add(stream);
            }
        }
        JsonNode container = root.path("format");
        if (MediaKind.IMAGE.equals(format.kind())) {
            if (pictures.isEmpty()) {
                throw ProbeException.noMediaStreams(format);
            }
            // an animated GIF or WebP is still an image
            return ProbeResult.image(format, size(pictures.get(0)));
        }
        if (!videos.isEmpty()) {
            JsonNode video = preferred(videos);
            JsonNode audio = audios.isEmpty() ? null : preferred(audios);
            Dimensions size = size(video);
            if (size != null && isQuarterTurn(video)) {
                size = size.swapped();
            }
            Double fps = frameRate(video);
            Double duration = duration(container, video, fps);
            return new ProbeResult(
                    MediaKind.VIDEO,
                    format.mimeTypeFor(MediaKind.VIDEO),
                    format.container(),
                    codec(video),
                    codec(audio),
                    size == null ? null : size.width(),
                    size == null ? null : size.height(),
                    duration,
                    fps,
                    bitrate(container, duration));
        }
        if (!audios.isEmpty()) {
            JsonNode audio = preferred(audios);
            String codec = codec(audio);
            String mimeType = format == MediaFormat.OGG && "opus".equals(codec)
                    ? "audio/opus"
                    : format.mimeTypeFor(MediaKind.AUDIO);
            Double duration = duration(container, audio, null);
            return new ProbeResult(
                    MediaKind.AUDIO,
                    mimeType,
                    format.container(),
                    null,
                    codec,
                    null,
                    null,
                    duration,
                    null,
                    bitrate(container, duration));
        }
        throw ProbeException.noMediaStreams(format);
    }

    /** The stream marked as default, else the first. */
    private static JsonNode preferred(List<JsonNode> streams) {
        return streams.stream()
                .filter(stream -> stream.path("disposition").path("default").asInt(0) == 1)
                .findFirst()
                .orElse(streams.get(0));
    }

    private static String codec(JsonNode stream) {
        if (stream == null) {
            return null;
        }
        String name = stream.path("codec_name").asText("");
        return name.isBlank() ? null : name;
    }

    private static Dimensions size(JsonNode stream) {
        int width = stream.path("width").asInt(0);
        int height = stream.path("height").asInt(0);
        return width > 0 && height > 0 ? new Dimensions(width, height) : null;
    }

    /** Whether the video is displayed turned by 90° or 270°, by its display matrix or its legacy rotate tag. */
    static boolean isQuarterTurn(JsonNode stream) {
        Double rotation = null;
        for (JsonNode sideData : stream.path("side_data_list")) {
            if (sideData.has("rotation")) {
                rotation = number(sideData.get("rotation"));
            }
        }
        if (rotation == null) {
            rotation = number(stream.path("tags").path("rotate"));
        }
        if (rotation == null) {
            return false;
        }
        long degrees = Math.floorMod(Math.round(rotation), 360);
        return degrees == 90 || degrees == 270;
    }

    private static Double frameRate(JsonNode stream) {
        Double average = rate(stream.path("avg_frame_rate").asText(""));
        return average != null ? average : rate(stream.path("r_frame_rate").asText(""));
    }

    /** A rate such as {@code 30000/1001}; null for {@code 0/0} and other nonsense. */
    static Double rate(String text) {
        int slash = text.indexOf('/');
        Double numerator = number(slash < 0 ? text : text.substring(0, slash));
        Double denominator = slash < 0 ? Double.valueOf(1) : number(text.substring(slash + 1));
        if (numerator == null || denominator == null || numerator <= 0 || denominator <= 0) {
            return null;
        }
        double rate = numerator / denominator;
        return rate > MAX_FPS ? null : rate;
    }

    private static Double duration(JsonNode container, JsonNode stream, Double fps) {
        Double duration = positive(number(container.path("duration")));
        if (duration == null) {
            duration = positive(number(stream.path("duration")));
        }
        // a raw stream has no duration, only a count of frames when ffprobe was asked to count them
        Double frames = positive(number(stream.path("nb_read_packets")));
        if (duration == null && frames != null && fps != null) {
            duration = frames / fps;
        }
        return duration;
    }

    private static Long bitrate(JsonNode container, Double duration) {
        Double bitrate = positive(number(container.path("bit_rate")));
        if (bitrate == null && duration != null) {
            Double size = positive(number(container.path("size")));
            bitrate = size == null ? null : size * 8 / duration;
        }
        return bitrate == null ? null : Math.round(bitrate);
    }

    private static Double positive(Double value) {
        return value != null && value > 0 ? value : null;
    }

    private static Double number(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isNumber() ? Double.valueOf(node.asDouble()) : number(node.asText());
    }

    private static Double number(String text) {
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
