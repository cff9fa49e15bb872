package io.mediawerk.media.probe;

/** The displayed size of a picture in pixels. */
public record Dimensions(int width, int height) {

    long area() {
        return (long) width * height;
    }

    Dimensions swapped() {
        return new Dimensions(height, width);
    }
}
