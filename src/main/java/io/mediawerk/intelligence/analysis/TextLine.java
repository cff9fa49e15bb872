package io.mediawerk.intelligence.analysis;

/**
 * A line of text found in an image.
 *
 * @param text its words, joined by single spaces
 * @param left the line's box, in pixels from the image's top left corner
 * @param confidence the mean of tesseract's confidences in its words, 0..100
 */
public record TextLine(String text, int left, int top, int width, int height, double confidence) {}
