package io.mediawerk.transform.plan;

/** A picture size in pixels. */
record FrameSize(int width, int height) {

    /** The nearest even number, at least 2: 4:2:0 video needs even sizes. */
    static int evenNearest(double pixels) {
        return Math.max(2, 2 * (int) Math.round(pixels / 2));
    }

    /** The even number at or below, at least 2: for a box that must not be exceeded. */
    static int evenDown(double pixels) {
        return Math.max(2, 2 * (int) Math.floor(pixels / 2 + 1e-9));
    }

    int shortSide() {
        return Math.min(width, height);
    }

    int longSide() {
        return Math.max(width, height);
    }

    boolean isLandscape() {
        return width >= height;
    }

    FrameSize even() {
        return new FrameSize(evenDown(width), evenDown(height));
    }
}
