package io.mediawerk.transform.plan;

import java.util.Locale;

/** The WebVTT track that points each stretch of the video at its tile of the sprite sheet. */
final class SpriteVtt {

    private SpriteVtt() {}

    static String thumbnails(SpriteSheet sheet, double duration) {
        StringBuilder vtt = new StringBuilder("WEBVTT\n");
        for (int tile = 0; tile < sheet.count(); tile++) {
            double from = tile * sheet.interval();
            double to = tile == sheet.count() - 1 ? duration : Math.min(duration, (tile + 1) * sheet.interval());
            vtt.append('\n')
                    .append(timestamp(from))
                    .append(" --> ")
                    .append(timestamp(to))
                    .append('\n')
                    .append(sheet.fileName())
                    .append("#xywh=")
                    .append(sheet.x(tile))
                    .append(',')
                    .append(sheet.y(tile))
                    .append(',')
                    .append(sheet.tileWidth())
                    .append(',')
                    .append(sheet.tileHeight())
                    .append('\n');
        }
        return vtt.toString();
    }

    /** hh:mm:ss.ttt */
    static String timestamp(double seconds) {
        long millis = Math.round(seconds * 1000);
        return String.format(
                Locale.ROOT,
                "%02d:%02d:%02d.%03d",
                millis / 3_600_000,
                millis / 60_000 % 60,
                millis / 1000 % 60,
                millis % 1000);
    }
}
