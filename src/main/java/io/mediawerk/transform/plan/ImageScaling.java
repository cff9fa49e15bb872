package io.mediawerk.transform.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The resize of an image output as ffmpeg filters that measure the decoded picture themselves, so they are right
 * even when the stored size is not the displayed one (a JPEG turned by its EXIF orientation, which ffmpeg applies).
 * Only a box mixing pixels and a percentage is worked out from the stored size. Image sizes may be odd.
 */
final class ImageScaling {

    private ImageScaling() {}

    /**
     * @param stored the input's size as probed, for a percentage mixed with pixels
     */
    static List<String> filters(Length width, Length height, String fit, String position, FrameSize stored) {
        List<String> filters = new ArrayList<>();
        if (width == null && height == null) {
            return filters;
        }
        if (width == null || height == null) {
            Length given = width == null ? height : width;
            if (given.percent()) {
                filters.add(scaleBy(given.fraction(), given.fraction()));
            } else {
                int pixels = (int) given.value();
                filters.add(width != null ? "scale=" + pixels + ":-1" : "scale=-1:" + pixels);
            }
        } else if (width.percent() && height.percent()) {
            filters.addAll(percentBox(width.fraction(), height.fraction(), fit, position));
        } else {
            int boxWidth = Math.max(1, (int) Math.round(width.of(stored.width())));
            int boxHeight = Math.max(1, (int) Math.round(height.of(stored.height())));
            filters.addAll(pixelBox(boxWidth, boxHeight, fit, position));
        }
        filters.add("setsar=1");
        return filters;
    }

    private static List<String> pixelBox(int width, int height, String fit, String position) {
        String box = "scale=" + width + ":" + height;
        return switch (fit) {
            case Fit.FILL -> List.of(box);
            case Fit.COVER ->
                List.of(
                        box + ":force_original_aspect_ratio=increase",
                        crop(Integer.toString(width), Integer.toString(height), position));
            default -> List.of(box + ":force_original_aspect_ratio=decrease");
        };
    }

    /** Both sides a percentage of the input's: the box has the input's size times those fractions. */
    private static List<String> percentBox(double widthFraction, double heightFraction, String fit, String position) {
        return switch (fit) {
            case Fit.FILL -> List.of(scaleBy(widthFraction, heightFraction));
            case Fit.COVER -> {
                double larger = Math.max(widthFraction, heightFraction);
                yield List.of(
                        scaleBy(larger, larger),
                        crop("iw*" + ratio(widthFraction, larger), "ih*" + ratio(heightFraction, larger), position));
            }
            default -> {
                double smaller = Math.min(widthFraction, heightFraction);
                yield List.of(scaleBy(smaller, smaller));
            }
        };
    }

    private static String scaleBy(double widthFraction, double heightFraction) {
        return "scale=w='max(1,iw*" + widthFraction + ")':h='max(1,ih*" + heightFraction + ")'";
    }

    private static String ratio(double part, double whole) {
        return Double.toString(part / whole);
    }

    /** Keeps the part of the picture at {@code position}; {@code exact} so odd sizes are not rounded for chroma. */
    private static String crop(String width, String height, String position) {
        String x = position.contains("left") ? "0" : position.contains("right") ? "iw-ow" : "(iw-ow)/2";
        String y = position.startsWith("top") ? "0" : position.startsWith("bottom") ? "ih-oh" : "(ih-oh)/2";
        return "crop=w='" + width + "':h='" + height + "':x='" + x + "':y='" + y + "':exact=1";
    }
}
