package io.mediawerk.intelligence.analysis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * The first audio stream as a small file for a speech-to-text provider: mono, 16 kHz (what speech models hear),
 * MP3 at 32 kbit/s, about 14 MB an hour.
 */
public final class AudioExtraction {

    private AudioExtraction() {}

    /**
     * @throws AnalysisFailure {@code no_audio}, {@code unreadable_media} or {@code analysis_timeout}
     */
    public static void toSpeechMp3(
            String input, double durationSeconds, Duration timeout, Path target, DoubleConsumer progress) {
        AnalysisInput source = AnalysisInput.of(input);
        Progress reporter = new Progress(progress);
        List<String> command = FfmpegRun.command("error");
        command.addAll(source.arguments(0));
        command.addAll(List.of(
                "-map",
                "0:a:0",
                "-vn",
                "-ac",
                "1",
                "-ar",
                "16000",
                "-c:a",
                "libmp3lame",
                "-b:a",
                "32k",
                "-progress",
                "pipe:1",
                target.toString()));
        FfmpegRun.run(
                command,
                source,
                Deadline.after(timeout),
                line -> {
                    if (durationSeconds > 0 && line.startsWith("out_time_us=")) {
                        try {
                            reporter.report(Math.min(
                                    1, Long.parseLong(line.substring(12).trim()) / 1e6 / durationSeconds));
                        } catch (NumberFormatException notYet) {
                            // "N/A" before the first frame
                        }
                    }
                },
                () -> new AnalysisFailure("no_audio", "The media has no audio track to transcribe."));
        reporter.report(1);
    }
}
