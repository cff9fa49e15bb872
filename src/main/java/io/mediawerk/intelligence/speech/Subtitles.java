package io.mediawerk.intelligence.speech;

import java.util.List;
import java.util.Locale;

/** Subtitles in WebVTT from timed transcript segments. */
public final class Subtitles {

    private Subtitles() {}

    public static String of(List<SpeechProvider.Segment> segments) {
        StringBuilder vtt = new StringBuilder("WEBVTT\n");
        int cue = 1;
        for (SpeechProvider.Segment segment : segments) {
            if (segment.text().isBlank()) {
                continue;
            }
            vtt.append('\n')
                    .append(cue++)
                    .append('\n')
                    .append(time(segment.start()))
                    .append(" --> ")
                    .append(time(Math.max(segment.end(), segment.start() + 0.001)))
                    .append('\n')
                    // a blank line would end the cue, and "-->" would start a new timing line
                    .append(segment.text().replaceAll("\\s*\\n\\s*", " ").replace("-->", "->"))
                    .append('\n');
        }
        return vtt.toString();
    }

    static String time(double seconds) {
        long millis = Math.round(Math.max(0, seconds) * 1000);
        return String.format(
                Locale.ROOT,
                "%02d:%02d:%02d.%03d",
                millis / 3_600_000,
                millis / 60_000 % 60,
                millis / 1000 % 60,
                millis % 1000);
    }
}
