package io.mediawerk.transform.plan;

/**
 * A width or height as the caller asked for it: a number of pixels, or a percentage of the input's size.
 *
 * @param value pixels, or the percentage (1 to 100)
 */
record Length(double value, boolean percent) {

    static Length pixels(int pixels) {
        return new Length(pixels, false);
    }

    static Length percentage(double percentage) {
        return new Length(percentage, true);
    }

    /** Reads a length as {@link #toJson()} stored it, whatever number type came back from JSON. */
    static Length fromJson(Object stored) {
        if (stored instanceof Number number) {
            return pixels(number.intValue());
        }
        if (stored instanceof String text && text.endsWith("%")) {
            return percentage(Double.parseDouble(text.substring(0, text.length() - 1).strip()));
        }
        throw new IllegalArgumentException("Not a length: " + stored);
    }

    /** Pixels as an Integer, a percentage as text such as "50%". */
    Object toJson() {
        return percent ? Numbers.text(value) + "%" : (Object) (int) value;
    }

    /** The length in pixels for an input this many pixels long. */
    double of(int inputPixels) {
        return percent ? inputPixels * value / 100 : value;
    }

    /** The factor by which this percentage scales a size. */
    double fraction() {
        return value / 100;
    }
}
