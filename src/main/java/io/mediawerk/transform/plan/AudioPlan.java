package io.mediawerk.transform.plan;

import java.util.List;

/** Plans an {@code audio} transform: the first audio track, trimmed, re-encoded, at most stereo. */
final class AudioPlan {

    private AudioPlan() {}

    static Plan plan(Settings options, InputFacts input, Workspace workspace) {
        AudioFormat format = AudioFormat.of(options.text("format", AudioFormat.MP3.id()));
        Trim trim = Trim.of(options);
        String fileName = "audio." + format.extension();

        FfmpegCommand command = FfmpegCommand.reading(workspace.source(), trim.seek(), trim.length())
                .add("-map", "0:a:0", "-vn", "-c:a", format.encoder());
        if (format.hasBitrate()) {
            command.add("-b:a", Integer.toString(options.integer("bitrate", AudioOptions.DEFAULT_BITRATE)));
        }
        Integer channels = options.integer("channels");
        if (channels != null) {
            command.add("-ac", channels.toString());
        } else {
            command.add("-af", AudioFormat.AT_MOST_STEREO);
        }
        command.withoutMetadata().threads(workspace.threads());
        if (format == AudioFormat.M4A) {
            command.add("-movflags", "+faststart");
        }
        command.add("-f", format.muxer(), workspace.output(fileName));

        Output output = Output.single(fileName, "audio", format.container(), format.mimeType(), format.extension());
        return new Plan(List.of(command.step(trim.outputSeconds(input))), output);
    }
}
