package io.mediawerk.transform.plan;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plans a {@code thumbnails} transform in one ffmpeg run: one frame per interval, scaled and tiled onto one sprite
 * sheet, plus a WebVTT track (written by the caller) whose cues point into the sheet with relative URIs.
 */
final class ThumbnailsPlan {

    static final String TRACK = "thumbnails.vtt";

    private ThumbnailsPlan() {}

    static Plan plan(Settings options, InputFacts input, Workspace workspace) {
        String format = options.text("format", "jpeg");
        SpriteSheet sheet = SpriteSheet.of(
                VideoOptions.size(input),
                input.duration(),
                options.integer("count"),
                options.number("interval"),
                options.integer("width", ThumbnailsOptions.DEFAULT_WIDTH),
                format);
        // round=up: each tile shows the frame at the start of its cue, not one up to half an interval later
        String filters = String.format(Locale.ROOT, "fps=fps=1/%.6f:round=up,", sheet.interval())
                + Frame.scale(new FrameSize(sheet.tileWidth(), sheet.tileHeight()))
                + ",tile=" + sheet.columns() + "x" + sheet.rows();

        FfmpegCommand command = FfmpegCommand.reading(workspace.source(), null, null)
                .add("-map", "0:v:0", "-an", "-vf", filters, "-frames:v", "1");
        if ("webp".equals(format)) {
            command.add("-c:v", "libwebp", "-quality", "75", "-f", "webp");
        } else {
            command.add("-c:v", "mjpeg", "-q:v", "4", "-pix_fmt", "yuvj420p", "-update", "1", "-f", "image2");
        }
        command.withoutMetadata().threads(workspace.threads()).add(workspace.output(sheet.fileName()));

        Output output = new Output(
                TRACK,
                sheet.fileName(),
                "image",
                "webvtt",
                "text/vtt",
                "vtt",
                true,
                Map.of(TRACK, SpriteVtt.thumbnails(sheet, input.duration())),
                sheet.describe());
        // the sprite sheet is one frame written at the end: ffmpeg's out_time says nothing until then
        return new Plan(List.of(command.step(null)), output);
    }
}
