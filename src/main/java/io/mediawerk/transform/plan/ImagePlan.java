package io.mediawerk.transform.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Plans an {@code image} transform: one picture (the first frame of an animation, the frame at {@code start} of a
 * video), resized, with transparency flattened onto the background colour where the format cannot keep it, and no
 * metadata. ffmpeg turns the picture by a video's display matrix and by a JPEG's EXIF orientation.
 */
final class ImagePlan {

    /** Inputs that may be transparent; a HEIC image arrives as the PNG heif-convert made of it. */
    private static final Set<String> MAYBE_TRANSPARENT = Set.of("png", "webp", "gif", "heif");

    private ImagePlan() {}

    static Plan plan(Settings options, InputFacts input, Workspace workspace) {
        ImageFormat format = ImageFormat.of(options.text("format", ImageFormat.JPEG.id()));
        String fileName = "image." + format.extension();
        Double frameTime = input.isVideo() ? options.number("start") : null;

        FfmpegCommand command = FfmpegCommand.reading(workspace.source(), frameTime, null)
                .add("-filter_complex", filterGraph(options, input, format), "-map", "[out]", "-frames:v", "1")
                .add(format.encoderOptions(options.integer("quality", ImageOptions.DEFAULT_QUALITY)))
                .withoutMetadata()
                .threads(workspace.threads())
                .add(workspace.output(fileName));

        Output output = Output.single(fileName, "image", format.id(), format.mimeType(), format.extension());
        return new Plan(List.of(command.step(null)), output);
    }

    private static String filterGraph(Settings options, InputFacts input, ImageFormat format) {
        List<String> picture = new ArrayList<>(List.of("trim=end_frame=1"));
        picture.addAll(ImageScaling.filters(
                options.length("width"),
                options.length("height"),
                options.text("fit", Fit.CONTAIN),
                options.text("position", "center"),
                VideoOptions.size(input)));
        String background = options.text("background");
        List<String> graph = new ArrayList<>();
        if (background != null && input.isImage() && MAYBE_TRANSPARENT.contains(input.container())) {
            picture.add("format=rgba");
            graph.add("[0:v]" + String.join(",", picture) + "[fg]");
            graph.add("color=c=" + Colors.ffmpeg(background) + "[bg]");
            graph.add("[bg][fg]scale2ref[bgsized][fgref]");
            picture = new ArrayList<>(List.of("[bgsized][fgref]overlay=format=auto:shortest=1"));
        } else {
            picture.set(0, "[0:v]" + picture.get(0));
        }
        if (format.pixelFormat() != null) {
            picture.add("format=" + format.pixelFormat());
        }
        if (format == ImageFormat.GIF) {
            graph.add(String.join(",", picture) + ",split[all][forpalette]");
            graph.add("[forpalette]palettegen[palette]");
            graph.add("[all][palette]paletteuse[out]");
        } else {
            graph.add(String.join(",", picture) + "[out]");
        }
        return String.join(";", graph);
    }
}
