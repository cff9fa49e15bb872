package io.mediawerk.transform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiException;
import io.mediawerk.api.OptionReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Validates the options of an {@code audio} transform. The bitrate is stored in bits per second. */
final class AudioOptions {

    static final String KIND = "audio";
    static final List<String> NAMES = List.of("format", "bitrate", "channels", "start", "end");
    static final int DEFAULT_BITRATE = 128_000;
    static final int MIN_BITRATE = 32_000;
    static final int MAX_BITRATE = 320_000;

    private AudioOptions() {}

    static Map<String, Object> validate(ObjectNode given, InputFacts input) {
        OptionReader options = new OptionReader(given, NAMES, Words.withArticle(KIND) + " transform", "");
        InputChecks.requireSound(KIND, input);
        AudioFormat format = AudioFormat.of(options.choice("format", AudioFormat.IDS, AudioFormat.MP3.id()));
        Integer bitrate = bitrate(options.node("bitrate"));
        if (bitrate != null && !format.hasBitrate()) {
            throw ApiException.invalid(
                    "bitrate",
                    "bitrate does not apply to " + format.id()
                            + ", which keeps every sample; leave it out or pick mp3, aac, m4a, opus or ogg.");
        }
        Integer channels = options.integer("channels", 1, 2);
        Trim trim = Trim.read(options, input);

        Map<String, Object> normalised = new LinkedHashMap<>();
        normalised.put("format", format.id());
        if (format.hasBitrate()) {
            normalised.put("bitrate", bitrate == null ? DEFAULT_BITRATE : bitrate);
        }
        if (channels != null) {
            normalised.put("channels", channels);
        }
        trim.putInto(normalised);
        return normalised;
    }

    /** Bits per second as a whole number, or kilobits as text such as "128k"; null when not given. */
    private static Integer bitrate(JsonNode node) {
        if (node == null) {
            return null;
        }
        long bits = -1;
        if (node.isNumber() && node.canConvertToExactIntegral()) {
            bits = node.longValue();
        } else if (node.isTextual() && node.asText().strip().matches("(?i)\\d{1,6}k")) {
            String text = node.asText().strip();
            bits = Long.parseLong(text.substring(0, text.length() - 1)) * 1000;
        }
        if (bits < MIN_BITRATE || bits > MAX_BITRATE) {
            throw ApiException.invalid(
                    "bitrate",
                    "bitrate must be bits per second from " + MIN_BITRATE + " to " + MAX_BITRATE
                            + ", or kilobits from \"32k\" to \"320k\"; got " + OptionReader.echo(node) + ".");
        }
        return (int) bits;
    }
}
