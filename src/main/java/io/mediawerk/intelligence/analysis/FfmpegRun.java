package io.mediawerk.intelligence.analysis;

import io.mediawerk.ffmpeg.ProcessResult;
import io.mediawerk.ffmpeg.ProcessRunner;
import io.mediawerk.transform.plan.FfmpegErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Runs ffmpeg for an analysis: its standard output is handed over a line at a time, failures become analysis ones. */
final class FfmpegRun {

    /** What ffmpeg says when the input has no stream of the kind a {@code -map} or filter graph asks for. */
    static final String MISSING_STREAM = "matches no streams";
    /** What ffmpeg says when it takes the input for a format not in {@link AnalysisInput#DEMUXERS}. */
    static final String OTHER_FORMAT = "Format not on whitelist";

    static final String OTHER_FORMAT_MESSAGE = "The file is not in a format Mediawerk analyses (MP4, MOV, MKV, WebM, "
            + "MP3, AAC, WAV, Ogg, FLAC, HEVC or GIF).";

    private FfmpegRun() {}

    /** {@code ffmpeg} with the options every analysis uses, printing messages down to {@code logLevel}. */
    static List<String> command(String logLevel) {
        return new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-nostats", "-y", "-loglevel", logLevel));
    }

    /**
     * @param missingStream the failure when the input has no stream of the kind the command reads
     * @return the last few kilobytes ffmpeg wrote on stderr, the input replaced by "input"
     * @throws AnalysisFailure when ffmpeg ran out of time or failed
     */
    static String run(
            List<String> command,
            AnalysisInput input,
            Deadline deadline,
            Consumer<String> stdoutLines,
            Supplier<AnalysisFailure> missingStream) {
        ProcessResult result = ProcessRunner.runStreaming(command, deadline.left(), process -> {}, stdoutLines);
        if (result.timedOut()) {
            throw deadline.expired();
        }
        String stderr = input.hide(result.stderrTail());
        if (result.exitCode() != 0) {
            if (stderr.contains(MISSING_STREAM)) {
                throw missingStream.get();
            }
            if (stderr.contains(OTHER_FORMAT)) {
                throw AnalysisFailure.unreadable(OTHER_FORMAT_MESSAGE);
            }
            throw AnalysisFailure.unreadable(FfmpegErrors.relevantLine(stderr));
        }
        return stderr;
    }
}
