package io.mediawerk.transform.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The renditions of an HLS ladder: the standard lines (1080, 720, 480, 360, 240 on the short side, so that portrait
 * video gets the same quality as landscape) at or below the picture, at most four, never scaled up. A picture smaller
 * than 240 is one rendition of its own size.
 */
final class HlsLadder {

    static final int MAX_RENDITIONS = 4;
    private static final int[] LINES = {1080, 720, 480, 360, 240};
    private static final int[] BITRATES = {5_000_000, 2_800_000, 1_400_000, 800_000, 400_000};

    /** One rendition: its picture and the peak video bitrate in bits per second. */
    record Rendition(FrameSize size, int bitrate) {}

    private HlsLadder() {}

    static List<Rendition> renditions(FrameSize picture) {
        List<Rendition> renditions = new ArrayList<>();
        for (int i = 0; i < LINES.length && renditions.size() < MAX_RENDITIONS; i++) {
            if (LINES[i] <= picture.shortSide()) {
                renditions.add(new Rendition(sized(picture, LINES[i]), BITRATES[i]));
            }
        }
        if (renditions.isEmpty()) {
            renditions.add(new Rendition(picture, BITRATES[BITRATES.length - 1]));
        }
        return renditions;
    }

    /** The picture scaled so that its short side is {@code line}. */
    private static FrameSize sized(FrameSize picture, int line) {
        if (line == picture.shortSide()) {
            return picture;
        }
        double factor = line / (double) picture.shortSide();
        return picture.isLandscape()
                ? new FrameSize(FrameSize.evenNearest(picture.width() * factor), line)
                : new FrameSize(line, FrameSize.evenNearest(picture.height() * factor));
    }
}
