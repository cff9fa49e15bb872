package io.mediawerk.intelligence.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gathers audio frames into at most {@link #MAX_STEPS} steps of a {@link LevelCurve}. Steps start at
 * {@link #SHORTEST_STEP_SECONDS} and double until the media's duration fits; when frames come past the last step
 * (a duration unknown or wrong) neighbouring steps are merged and the step doubles again, so the memory is the same
 * for any length of media.
 */
final class LevelSteps {

    static final int MAX_STEPS = 100;
    static final double SHORTEST_STEP_SECONDS = 0.1;

    private final double[] peaks = new double[MAX_STEPS];
    private final double[] squareSums = new double[MAX_STEPS];
    private final double[] samples = new double[MAX_STEPS];
    private double step = SHORTEST_STEP_SECONDS;
    private int used;

    LevelSteps(double durationSeconds) {
        while (durationSeconds / step > MAX_STEPS) {
            step *= 2;
        }
    }

    /** A frame starting at {@code start} seconds, with astats' peak and RMS levels in dB over its samples. */
    void add(double start, double peakDb, double rmsDb, double sampleCount) {
        int index = (int) (Math.max(0, start) / step);
        while (index >= MAX_STEPS) {
            mergePairs();
            index = (int) (Math.max(0, start) / step);
        }
        double rms = amplitude(rmsDb);
        peaks[index] = Math.max(peaks[index], amplitude(peakDb));
        squareSums[index] += rms * rms * sampleCount;
        samples[index] += sampleCount;
        used = Math.max(used, index + 1);
    }

    private void mergePairs() {
        for (int i = 0; i < MAX_STEPS / 2; i++) {
            peaks[i] = Math.max(peaks[2 * i], peaks[2 * i + 1]);
            squareSums[i] = squareSums[2 * i] + squareSums[2 * i + 1];
            samples[i] = samples[2 * i] + samples[2 * i + 1];
        }
        Arrays.fill(peaks, MAX_STEPS / 2, MAX_STEPS, 0);
        Arrays.fill(squareSums, MAX_STEPS / 2, MAX_STEPS, 0);
        Arrays.fill(samples, MAX_STEPS / 2, MAX_STEPS, 0);
        step *= 2;
        used = (used + 1) / 2;
    }

    LevelCurve curve() {
        List<Double> peakDbfs = new ArrayList<>(used);
        List<Double> rmsDbfs = new ArrayList<>(used);
        for (int i = 0; i < used; i++) {
            peakDbfs.add(decibels(peaks[i]));
            rmsDbfs.add(samples[i] > 0 ? decibels(Math.sqrt(squareSums[i] / samples[i])) : null);
        }
        return new LevelCurve(step, peakDbfs, rmsDbfs);
    }

    private static double amplitude(double db) {
        return Double.isFinite(db) ? Math.pow(10, db / 20) : 0;
    }

    /** To a tenth of a dB; null for silence. */
    private static Double decibels(double amplitude) {
        return amplitude > 0 ? Math.round(200 * Math.log10(amplitude)) / 10.0 : null;
    }
}
