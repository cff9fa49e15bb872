package io.mediawerk.transform.plan;

import java.util.ArrayList;
import java.util.List;

/** An ffmpeg argument list: quiet but for errors on stderr, progress as key=value lines on stdout. */
final class FfmpegCommand {

    private final List<String> arguments = new ArrayList<>(
            List.of("ffmpeg", "-hide_banner", "-nostdin", "-nostats", "-y", "-v", "error", "-progress", "pipe:1"));

    static FfmpegCommand reading(FfmpegInput source, Double seek, Double duration) {
        FfmpegCommand command = new FfmpegCommand();
        command.arguments.addAll(source.arguments(seek, duration));
        return command;
    }

    FfmpegCommand add(String... more) {
        arguments.addAll(List.of(more));
        return this;
    }

    FfmpegCommand add(List<String> more) {
        arguments.addAll(more);
        return this;
    }

    /** Output options every plan uses: no metadata, chapters, subtitles or data streams are carried over. */
    FfmpegCommand withoutMetadata() {
        return add("-map_metadata", "-1", "-map_chapters", "-1", "-sn", "-dn");
    }

    FfmpegCommand threads(int threads) {
        return add("-threads", Integer.toString(threads));
    }

    Step step(Double mediaSeconds) {
        return new Step(arguments, mediaSeconds, 1.0);
    }
}
