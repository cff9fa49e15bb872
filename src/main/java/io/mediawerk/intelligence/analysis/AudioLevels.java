package io.mediawerk.intelligence.analysis;

import java.util.List;

/**
 * How loud the audio is and where it is silent or clipped.
 *
 * @param integratedLufs EBU R128 integrated loudness; null when all of it is below the -70 LUFS gate (silence)
 * @param loudnessRangeLu EBU R128 loudness range, as ffmpeg measures it (it means little for a few seconds of audio);
 *     null with {@code integratedLufs}
 * @param truePeakDbfs the highest true (inter-sample) peak; null for digital silence
 * @param silences the spans below -50 dB for at least half a second, in order; one running to the end ends at the
 *     media's duration
 * @param clipping whether the waveform is clipped anywhere (see {@link AudioLevelsAnalysis})
 * @param clippedSeconds about how long the audio sits at full scale where it is clipped
 * @param levels peak and RMS level over time, in at most 100 steps
 */
public record AudioLevels(
        Double integratedLufs,
        Double loudnessRangeLu,
        Double truePeakDbfs,
        List<Span> silences,
        boolean clipping,
        double clippedSeconds,
        LevelCurve levels) {

    public AudioLevels {
        silences = List.copyOf(silences);
    }
}
