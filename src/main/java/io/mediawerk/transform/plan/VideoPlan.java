package io.mediawerk.transform.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plans a {@code video} transform to a single file: MP4, QuickTime or WebM. */
final class VideoPlan {

    /** Room for streams that start far apart, beyond ffmpeg's default of 128 packets. */
    static final String MUXING_QUEUE = "4096";

    private VideoPlan() {}

    static Plan plan(Settings options, InputFacts input, Workspace workspace) {
        VideoFormat format = VideoFormat.of(options.text("format"));
        if (format == VideoFormat.HLS) {
            throw new IllegalArgumentException("An HLS ladder is planned in stages: see HlsPlan");
        }
        VideoCodec codec =
                VideoCodec.of(options.text("codec", format.defaultCodec().id()));
        Frame frame = frame(options, input);
        Trim trim = Trim.of(options);
        boolean audio = options.bool("audio", true) && input.hasAudio();
        String fileName = "video." + format.id();

        FfmpegCommand command = FfmpegCommand.reading(workspace.source(), trim.seek(), trim.length())
                .add("-map", "0:v:0");
        if (audio) {
            command.add("-map", "0:a:0?");
        }
        List<String> filters = pictureFilters(options, input, frame);
        if (!filters.isEmpty()) {
            command.add("-vf", String.join(",", filters));
        }
        command.add(
                codec.encoderOptions(options.integer("quality", VideoOptions.DEFAULT_QUALITY), workspace.threads()));
        command.add(audio ? format.audioOptions() : List.of("-an"));
        command.withoutMetadata().threads(workspace.threads()).add("-max_muxing_queue_size", MUXING_QUEUE);
        if (format != VideoFormat.WEBM) {
            command.add("-movflags", "+faststart");
        }
        command.add("-f", format.id(), workspace.output(fileName));

        Output output = Output.single(fileName, "video", format.id(), format.mimeType(), format.id());
        return new Plan(List.of(command.step(trim.outputSeconds(input))), output);
    }

    static Frame frame(Settings options, InputFacts input) {
        return Scaling.frame(
                VideoOptions.size(input),
                options.length("width"),
                options.length("height"),
                options.text("fit", Fit.CONTAIN));
    }

    /** A lower frame rate first (fewer frames to scale), then the crop and scale. */
    static List<String> pictureFilters(Settings options, InputFacts input, Frame frame) {
        List<String> filters = new ArrayList<>();
        fpsFilter(options.number("fps"), input).ifPresent(filters::add);
        filters.addAll(frame.filters());
        return filters;
    }

    static Optional<String> fpsFilter(Double fps, InputFacts input) {
        if (fps == null || input.fps() != null && fps >= input.fps() - 0.001) {
            return Optional.empty();
        }
        return Optional.of("fps=" + Numbers.text(fps));
    }
}
