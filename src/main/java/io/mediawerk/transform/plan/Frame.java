package io.mediawerk.transform.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The picture of a video output: an optional centred crop of the input (for {@code fit: cover}) and the size it is
 * scaled to. Sizes are of the displayed input, after ffmpeg applied its rotation.
 *
 * @param crop the part of the input kept, or null for all of it
 */
record Frame(FrameSize input, Crop crop, FrameSize size) {

    record Crop(int width, int height, int x, int y) {

        String filter() {
            return "crop=" + width + ":" + height + ":" + x + ":" + y;
        }
    }

    /** The filters that make this frame, or an empty list when the input already is it. */
    List<String> filters() {
        List<String> filters = new ArrayList<>();
        if (crop != null) {
            filters.add(crop.filter());
        }
        FrameSize before = crop == null ? input : new FrameSize(crop.width(), crop.height());
        if (!before.equals(size)) {
            filters.add(scale(size));
        }
        return filters;
    }

    /** Scales to exactly this size, with square pixels so that players show the size as it is. */
    static String scale(FrameSize size) {
        return "scale=" + size.width() + ":" + size.height() + ",setsar=1";
    }
}
