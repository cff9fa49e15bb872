package io.mediawerk.intelligence.analysis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Measures the first audio stream in one ffmpeg run that decodes it once and splits it in two:
 * <ul>
 *   <li>loudness: {@code ebur128=peak=true} (EBU R128 integrated loudness, loudness range and true peak), whose
 *       summary is read from the end of stderr;</li>
 *   <li>levels: {@code astats} on each frame alone (peak, RMS, clipping; gathered into a {@link LevelCurve}), then {@code silencedetect} (-50 dB, at least 0.5 s), printed
 *       frame by frame on stdout by {@code ametadata}.</li>
 * </ul>
 *
 * <p>Clipping: the levels branch converts the audio to 16-bit PCM first, as a player would, so that samples beyond
 * full scale (float sources, lossy decoders overshooting a clipped master) are flattened at full scale too. A frame
 * is clipped when its peak is at -0.1 dBFS or above and the samples at that peak come in runs of 3 on average or
 * more (astats' flat factor at 9.5 dB or above): a clean waveform touches its peak for a sample or two, a clipped
 * one stays there. The clipped time is, in each clipped frame, the share of samples at its peak (astats' peak count
 * per channel over the frame's samples) times the frame's length.
 *
 * <p>Limits of that rule: a very low tone (under about 60 Hz) mastered to exactly full scale can look clipped, as it
 * does to the usual "3 full-scale samples in a row" rule; a lossy stream whose decoded waveform overshoots full scale
 * counts as clipped, as it is when played at 16 bits; and clipping baked into a lossy encoding (an AAC of a clipped
 * master) is smoothed by the codec into ripples under full scale, so it is found only where the decoded waveform
 * still reaches full scale.
 */
public final class AudioLevelsAnalysis {

    static final String SILENCE_NOISE = "-50dB";
    static final double SILENCE_MIN_SECONDS = 0.5;

    private AudioLevelsAnalysis() {}

    /**
     * @param input a path or an http(s) URL that ffmpeg reads
     * @param durationSeconds the media's duration, for progress and for a silence running to the end
     * @param workDir not written to: everything is read from ffmpeg's output as it comes
     * @param progress called with 0..1 as the analysis advances, from any thread; may be null
     * @throws AnalysisFailure {@code no_audio}, {@code unreadable_media} or {@code analysis_timeout}
     */
    public static AudioLevels run(
            String input, double durationSeconds, Duration timeout, Path workDir, DoubleConsumer progress) {
        AnalysisInput source = AnalysisInput.of(input);
        Deadline deadline = Deadline.after(timeout);
        Progress reporter = new Progress(progress);
        AudioFrameLines frames = new AudioFrameLines(durationSeconds, reporter);
        String stderr = FfmpegRun.run(
                command(source),
                source,
                deadline,
                frames::line,
                () -> new AnalysisFailure("no_audio", "The media has no audio track to analyse."));
        frames.finish();
        LoudnessSummary loudness = LoudnessSummary.parse(stderr)
                .orElseThrow(() -> AnalysisFailure.unreadable("The loudness of the audio could not be measured."));
        reporter.report(1);
        return new AudioLevels(
                loudness.integratedLufs(),
                loudness.loudnessRangeLu(),
                loudness.truePeakDbfs(),
                frames.silences(),
                frames.clipping(),
                frames.clippedSeconds(),
                frames.levels());
    }

    static List<String> command(AnalysisInput source) {
        // info: ebur128's summary is logged at that level; its per-frame lines are kept below it (framelog)
        List<String> command = FfmpegRun.command("info");
        command.addAll(source.arguments(0));
        command.addAll(List.of("-filter_complex", filterGraph(), "-map", "[levels_out]", "-f", "null", "-"));
        return command;
    }

    static String filterGraph() {
        // each branch converts on its own (aresample), so that only the levels branch is made 16-bit
        return "[0:a:0]asplit=2[loudness][levels];"
                + "[loudness]aresample=48000,ebur128=peak=true:framelog=verbose,anullsink;"
                + "[levels]aresample,aformat=sample_fmts=s16,asettb=AVTB,"
                + "astats=metadata=1:reset=1:measure_perchannel=none"
                + ":measure_overall=Peak_level+RMS_level+Flat_factor+Peak_count+Number_of_samples,"
                + "silencedetect=noise=" + SILENCE_NOISE + ":d=" + SILENCE_MIN_SECONDS + ","
                + "ametadata=mode=print:direct=1:file=" + Filters.STDOUT + "[levels_out]";
    }
}
