package io.mediawerk.transform.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The layout of a thumbnails sprite sheet: {@code count} tiles of {@code tileWidth} x {@code tileHeight}, left to
 * right and top to bottom, at most ten per row; tile i shows the video from {@code i * interval} seconds.
 */
record SpriteSheet(String fileName, int count, double interval, int columns, int rows, int tileWidth, int tileHeight) {

    static final int MAX_COLUMNS = 10;

    /**
     * @param count the number of thumbnails, or null when {@code interval} is given
     * @param interval seconds between thumbnails, or null when {@code count} is given
     */
    static SpriteSheet of(
            FrameSize video, double duration, Integer count, Double interval, int tileWidth, String format) {
        int tiles = interval != null
                ? countFor(duration, interval)
                : count != null ? count : ThumbnailsOptions.DEFAULT_COUNT;
        double spacing = interval != null ? interval : duration / tiles;
        int columns = Math.min(tiles, MAX_COLUMNS);
        int rows = (tiles + columns - 1) / columns;
        int tileHeight = FrameSize.evenNearest(tileWidth * (double) video.height() / video.width());
        String extension = "webp".equals(format) ? "webp" : "jpg";
        return new SpriteSheet("sprite." + extension, tiles, spacing, columns, rows, tileWidth, tileHeight);
    }

    /** Thumbnails at 0, interval, 2 * interval, ... before the end. */
    static int countFor(double duration, double interval) {
        return Math.max(1, (int) Math.ceil(duration / interval - 1e-9));
    }

    /** The largest sprite sheet side a format stores. */
    static int maxSide(String format) {
        return "webp".equals(format) ? 16383 : 65500;
    }

    int width() {
        return columns * tileWidth;
    }

    int height() {
        return rows * tileHeight;
    }

    int x(int tile) {
        return (tile % columns) * tileWidth;
    }

    int y(int tile) {
        return (tile / columns) * tileHeight;
    }

    Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("sprite", fileName);
        described.put("count", count);
        described.put("interval", Numbers.tidy(Numbers.millis(interval)));
        described.put("columns", columns);
        described.put("rows", rows);
        described.put("tile_width", tileWidth);
        described.put("tile_height", tileHeight);
        return described;
    }
}
