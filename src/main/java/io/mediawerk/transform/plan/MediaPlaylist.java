package io.mediawerk.transform.plan;

import java.util.ArrayList;
import java.util.List;

/** The segments a VOD media playlist lists, in order, as ffmpeg's HLS muxer writes it. */
public record MediaPlaylist(List<Segment> segments) {

    /** One segment: its URI (relative to the playlist) and its duration in seconds. */
    public record Segment(String uri, double seconds) {}

    public MediaPlaylist {
        segments = List.copyOf(segments);
    }

    public static MediaPlaylist parse(String text) {
        List<Segment> segments = new ArrayList<>();
        Double pending = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("#EXTINF:")) {
                String value = line.substring("#EXTINF:".length());
                int comma = value.indexOf(',');
                pending = Double.parseDouble(comma < 0 ? value : value.substring(0, comma));
            } else if (!line.isEmpty() && !line.startsWith("#") && pending != null) {
                segments.add(new Segment(line, pending));
                pending = null;
            }
        }
        return new MediaPlaylist(segments);
    }

    /** The seconds at which every segment but the first starts. */
    public List<Double> cuts() {
        List<Double> cuts = new ArrayList<>();
        double at = 0;
        for (int i = 0; i < segments.size() - 1; i++) {
            at += segments.get(i).seconds();
            cuts.add(Math.round(at * 1000) / 1000.0);
        }
        return cuts;
    }

    public double longestSegment() {
        return segments.stream().mapToDouble(Segment::seconds).max().orElse(0);
    }

    public double seconds() {
        return segments.stream().mapToDouble(Segment::seconds).sum();
    }
}
