package io.mediawerk.transform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The master playlist of a ladder, written here rather than by ffmpeg (whose master gives a copied stream no
 * {@code CODECS} and a CRF encode a {@code BANDWIDTH} of its audio alone). One variant per rung that is stored,
 * highest first; {@code BANDWIDTH} is the peak segment bitrate, {@code AVERAGE-BANDWIDTH} the mean.
 */
public final class MasterPlaylist {

    /** One variant: what a player needs to choose it. */
    public record Variant(
            String uri, long bandwidth, long averageBandwidth, int width, int height, Double fps, String codecs) {}

    private MasterPlaylist() {}

    public static String write(List<Variant> variants) {
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:6\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        variants.stream()
                .sorted(Comparator.comparingLong(Variant::bandwidth).reversed())
                .forEach(variant -> {
                    text.append("#EXT-X-STREAM-INF:BANDWIDTH=")
                            .append(variant.bandwidth())
                            .append(",AVERAGE-BANDWIDTH=")
                            .append(variant.averageBandwidth())
                            .append(",RESOLUTION=")
                            .append(variant.width())
                            .append('x')
                            .append(variant.height());
                    if (variant.fps() != null) {
                        text.append(",FRAME-RATE=").append(String.format(Locale.ROOT, "%.3f", variant.fps()));
                    }
                    text.append(",CODECS=\"").append(variant.codecs()).append("\"\n");
                    text.append(variant.uri()).append('\n');
                });
        return text.toString();
    }

    /**
     * The {@code CODECS} value (RFC 6381) of a rendition's streams, as ffprobe prints them for its first segment:
     * {@code avc1.PPCCLL} for H.264, {@code hvc1} for H.265, {@code mp4a.40.x} for AAC and MP3.
     */
    public static String codecs(JsonNode streams) {
        StringBuilder codecs = new StringBuilder();
        for (JsonNode stream : streams) {
            String codec = switch (stream.path("codec_name").asText()) {
                case "h264" ->
                    avc(stream.path("profile").asText(), stream.path("level").asInt(31));
                case "hevc" ->
                    hevc(stream.path("profile").asText(), stream.path("level").asInt(93));
                case "aac" -> "HE-AAC".equals(stream.path("profile").asText()) ? "mp4a.40.5" : "mp4a.40.2";
                case "mp3" -> "mp4a.40.34";
                default -> null;
            };
            if (codec != null) {
                codecs.append(codecs.isEmpty() ? "" : ",").append(codec);
            }
        }
        return codecs.toString();
    }

    private static String avc(String profile, int level) {
        String profileAndConstraints = switch (profile) {
            case "Constrained Baseline" -> "42E0";
            case "Baseline" -> "4200";
            case "Main" -> "4D40";
            default -> "6400";
        };
        return "avc1." + profileAndConstraints + String.format(Locale.ROOT, "%02X", level);
    }

    private static String hevc(String profile, int level) {
        return ("Main 10".equals(profile) ? "hvc1.2.4.L" : "hvc1.1.6.L") + level + ".B0";
    }
}
