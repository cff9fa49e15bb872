package io.mediawerk.transform.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans an {@code animation} transform: a looping GIF with a palette made for the clip (palettegen and paletteuse in
 * one run), or an animated WebP.
 */
final class AnimationPlan {

    private AnimationPlan() {}

    static Plan plan(Settings options, InputFacts input, Workspace workspace) {
        boolean webp = "webp".equals(options.text("format"));
        Trim trim = Trim.of(options);
        int width = options.integer("width", AnimationOptions.DEFAULT_WIDTH);
        FrameSize size =
                new FrameSize(width, Math.max(1, (int) Math.round(width * (double) input.height() / input.width())));
        List<String> picture = new ArrayList<>();
        VideoPlan.fpsFilter(options.number("fps"), input).ifPresent(picture::add);
        picture.add("scale=" + size.width() + ":" + size.height() + ":flags=lanczos");
        picture.add("setsar=1");
        String fileName = webp ? "animation.webp" : "animation.gif";

        FfmpegCommand command = FfmpegCommand.reading(workspace.source(), trim.seek(), trim.length());
        if (webp) {
            command.add(
                    "-map",
                    "0:v:0",
                    "-vf",
                    String.join(",", picture),
                    "-c:v",
                    "libwebp_anim",
                    "-quality",
                    "75",
                    "-loop",
                    "0",
                    "-f",
                    "webp");
        } else {
            command.add(
                    "-filter_complex",
                    "[0:v]" + String.join(",", picture) + ",split[all][forpalette];"
                            + "[forpalette]palettegen=stats_mode=diff[palette];"
                            + "[all][palette]paletteuse=dither=bayer:bayer_scale=5:diff_mode=rectangle[out]",
                    "-map",
                    "[out]",
                    "-c:v",
                    "gif",
                    "-loop",
                    "0",
                    "-f",
                    "gif");
        }
        command.add("-an").withoutMetadata().threads(workspace.threads()).add(workspace.output(fileName));

        String format = webp ? "webp" : "gif";
        Output output = Output.single(fileName, "image", format, "image/" + format, format);
        return new Plan(List.of(command.step(trim.outputSeconds(input))), output);
    }
}
