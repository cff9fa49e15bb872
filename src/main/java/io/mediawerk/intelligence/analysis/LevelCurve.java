package io.mediawerk.intelligence.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The audio's level over time, for drawing: the media cut in equal steps from its start, each with its peak and its
 * RMS level in dBFS (null where it is digital silence).
 *
 * @param stepSeconds the length of each step
 * @param peakDbfs the highest sample of each step
 * @param rmsDbfs the root mean square of each step's samples
 */
public record LevelCurve(double stepSeconds, List<Double> peakDbfs, List<Double> rmsDbfs) {

    public LevelCurve {
        peakDbfs = Collections.unmodifiableList(new ArrayList<>(peakDbfs));
        rmsDbfs = Collections.unmodifiableList(new ArrayList<>(rmsDbfs));
    }
}
