package io.mediawerk.transform.plan;

/**
 * Works out the picture of a video output from the input's displayed size and the requested width, height and fit.
 * Sizes are even (4:2:0 video needs it) and at most 7680 on the long side and 4320 on the short one.
 */
final class Scaling {

    static final int MAX_LONG_SIDE = 7680;
    static final int MAX_SHORT_SIDE = 4320;

    private Scaling() {}

    /**
     * @param width the requested width, or null
     * @param height the requested height, or null
     * @param fit contain, cover or fill: how a box of both width and height is filled
     */
    static Frame frame(FrameSize input, Length width, Length height, String fit) {
        if (width != null && height != null) {
            return boxed(input, box(width, input.width()), box(height, input.height()), fit);
        }
        if (width == null && height == null) {
            return new Frame(input, null, capped(input.even()));
        }
        double factor;
        if (width != null) {
            factor = width.percent() ? width.fraction() : FrameSize.evenDown(width.value()) / (double) input.width();
        } else {
            factor =
                    height.percent() ? height.fraction() : FrameSize.evenDown(height.value()) / (double) input.height();
        }
        FrameSize size = new FrameSize(
                FrameSize.evenNearest(input.width() * factor), FrameSize.evenNearest(input.height() * factor));
        return new Frame(input, null, capped(size));
    }

    private static int box(Length length, int inputPixels) {
        return FrameSize.evenDown(length.of(inputPixels));
    }

    private static Frame boxed(FrameSize input, int boxWidth, int boxHeight, String fit) {
        return switch (fit) {
            case "fill" -> new Frame(input, null, capped(new FrameSize(boxWidth, boxHeight)));
            case "cover" ->
                new Frame(input, centredCrop(input, boxWidth, boxHeight), capped(new FrameSize(boxWidth, boxHeight)));
            default -> {
                double factor = Math.min(boxWidth / (double) input.width(), boxHeight / (double) input.height());
                FrameSize size = new FrameSize(
                        Math.min(boxWidth, FrameSize.evenNearest(input.width() * factor)),
                        Math.min(boxHeight, FrameSize.evenNearest(input.height() * factor)));
                yield new Frame(input, null, capped(size));
            }
        };
    }

    /** The largest centred part of the input with the box's aspect ratio, or null when that is all of it. */
    private static Frame.Crop centredCrop(FrameSize input, int boxWidth, int boxHeight) {
        long inputWider = (long) input.width() * boxHeight - (long) input.height() * boxWidth;
        int width = input.width();
        int height = input.height();
        if (inputWider > 0) {
            width = (int) Math.round(input.height() * (double) boxWidth / boxHeight);
        } else if (inputWider < 0) {
            height = (int) Math.round(input.width() * (double) boxHeight / boxWidth);
        }
        if (width == input.width() && height == input.height()) {
            return null;
        }
        return new Frame.Crop(width, height, (input.width() - width) / 2, (input.height() - height) / 2);
    }

    /** Scaled down, keeping the aspect ratio, to fit 7680 on the long side and 4320 on the short one. */
    static FrameSize capped(FrameSize size) {
        double factor = Math.min(
                1, Math.min(MAX_LONG_SIDE / (double) size.longSide(), MAX_SHORT_SIDE / (double) size.shortSide()));
        if (factor >= 1) {
            return size;
        }
        return new FrameSize(FrameSize.evenDown(size.width() * factor), FrameSize.evenDown(size.height() * factor));
    }
}
