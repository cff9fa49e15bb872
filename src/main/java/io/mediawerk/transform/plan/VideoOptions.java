package io.mediawerk.transform.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiException;
import io.mediawerk.api.OptionReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Validates the options of a {@code video} transform. */
final class VideoOptions {

    static final String KIND = "video";
    static final List<String> NAMES =
            List.of("format", "codec", "width", "height", "fit", "quality", "fps", "start", "end", "audio");
    static final int DEFAULT_QUALITY = 70;
    private static final List<String> CODECS = List.of("h264", "h265", "vp9", "av1");

    private VideoOptions() {}

    static Map<String, Object> validate(ObjectNode given, InputFacts input) {
        OptionReader options = new OptionReader(given, NAMES, Words.withArticle(KIND) + " transform", "");
        InputChecks.requireVideo(KIND, input);
        VideoFormat format = VideoFormat.of(options.choice("format", VideoFormat.IDS, VideoFormat.MP4.id()));
        String codecId = options.choice("codec", CODECS, format.defaultCodec().id());
        VideoCodec codec = VideoCodec.of(codecId);
        if (!format.codecs().contains(codec)) {
            throw ApiException.invalid(
                    "codec",
                    "codec " + codecId + " cannot be written to " + format.id() + "; " + format.id() + " takes "
                            + String.join(" or ", format.codecIds()) + ".");
        }
        Length width = Length.read(options, "width", 2, Scaling.MAX_LONG_SIDE);
        Length height = Length.read(options, "height", 2, Scaling.MAX_SHORT_SIDE);
        String fit = options.choice("fit", Fit.ALL, Fit.CONTAIN);
        int quality = options.integer("quality", Quality.MIN, Quality.MAX, DEFAULT_QUALITY);
        Double fps = options.number("fps", 1, 120, " (frames per second)");
        Trim trim = Trim.read(options, input);
        boolean audio = options.bool("audio", true);
        requireEncodableSize(codec, Scaling.frame(size(input), width, height, fit), width, height);

        Map<String, Object> normalised = new LinkedHashMap<>();
        normalised.put("format", format.id());
        normalised.put("codec", codec.id());
        putLength(normalised, "width", width);
        putLength(normalised, "height", height);
        normalised.put("fit", fit);
        normalised.put("quality", quality);
        if (fps != null) {
            normalised.put("fps", Numbers.tidy(cappedFps(fps, input)));
        }
        trim.putInto(normalised);
        normalised.put("audio", audio && input.hasAudio());
        return normalised;
    }

    static FrameSize size(InputFacts input) {
        return new FrameSize(input.width(), input.height());
    }

    static void putLength(Map<String, Object> normalised, String name, Length length) {
        if (length != null) {
            normalised.put(name, length.toJson());
        }
    }

    /** A frame rate above the input's would only repeat frames: it is kept at the input's. */
    static double cappedFps(double fps, InputFacts input) {
        if (input.fps() == null || input.fps() <= 0) {
            return fps;
        }
        return Math.min(fps, Math.max(1, Math.round(input.fps() * 1000) / 1000.0));
    }

    private static void requireEncodableSize(VideoCodec codec, Frame frame, Length width, Length height) {
        FrameSize size = frame.size();
        if (size.shortSide() >= codec.minSide()) {
            return;
        }
        String param = width != null ? "width" : height != null ? "height" : "codec";
        throw ApiException.invalid(
                param,
                codec.id() + " needs a picture of at least " + codec.minSide() + "x" + codec.minSide()
                        + " pixels; these options make it " + size.width() + "x" + size.height() + ".");
    }
}
