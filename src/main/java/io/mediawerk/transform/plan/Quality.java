package io.mediawerk.transform.plan;

/** Maps the API's quality (1 worst to 100 best) onto an encoder's scale, linearly. */
final class Quality {

    static final int MIN = 1;
    static final int MAX = 100;

    private Quality() {}

    /** The encoder value at {@code quality}, going from {@code atWorst} at 1 to {@code atBest} at 100. */
    static int scale(int quality, int atWorst, int atBest) {
        return (int) Math.round(atWorst + (quality - MIN) * (atBest - atWorst) / (double) (MAX - MIN));
    }
}
