package io.mediawerk.transform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs thumbnails plans: one sprite sheet and a WebVTT track whose every cue points inside it. */
class ThumbnailsExecutionTest {

    private static final String TIME = "(\\d{2}:\\d{2}:\\d{2}\\.\\d{3})";
    private static final Pattern CUE =
            Pattern.compile(TIME + " --> " + TIME + "\\n(\\S+)#xywh=(\\d+),(\\d+),(\\d+),(\\d+)");

    @TempDir
    Path temp;

    @Test
    void tenThumbnailsOnOneRow() throws IOException {
        Transforms.Done done = Transforms.run("thumbnails", "{}", Samples.clip(), temp);
        Output output = done.plan().output();

        assertThat(output.mainFile()).isEqualTo("thumbnails.vtt");
        assertThat(output.probeFile()).isEqualTo("sprite.jpg");
        assertThat(output.kind()).isEqualTo("image");
        assertThat(output.container()).isEqualTo("webvtt");
        assertThat(output.mimeType()).isEqualTo("text/vtt");
        assertThat(output.multiFile()).isTrue();
        assertThat(output.metadata())
                .isEqualTo(Map.of(
                        "sprite",
                        "sprite.jpg",
                        "count",
                        10,
                        "interval",
                        0.2,
                        "columns",
                        10,
                        "rows",
                        1,
                        "tile_width",
                        160,
                        "tile_height",
                        120));
        assertThat(done.probe().videoCodec()).isEqualTo("mjpeg");
        assertThat(done.probe().size()).isEqualTo("1600x120");
        List<Cue> cues = assertCuesInside(done, 1600, 120);
        assertThat(cues).hasSize(10);
        assertThat(cues.get(0).from()).isEqualTo("00:00:00.000");
        assertThat(cues.get(9).to()).isEqualTo("00:00:02.000");
    }

    @Test
    void oneEveryIntervalInWebp() throws IOException {
        Transforms.Done done = Transforms.run(
                "thumbnails", "{\"interval\":0.5,\"width\":64,\"format\":\"webp\"}", Samples.clip(), temp);

        assertThat(done.plan().output().probeFile()).isEqualTo("sprite.webp");
        assertThat(done.probe().videoCodec()).isEqualTo("webp");
        assertThat(done.probe().size()).isEqualTo("256x48");
        assertThat(assertCuesInside(done, 256, 48))
                .hasSize(4)
                .allSatisfy(cue -> assertThat(cue.uri()).isEqualTo("sprite.webp"));
    }

    record Cue(String from, String to, String uri) {}

    /** Reads the track the caller wrote and checks that every cue's tile lies inside the sprite sheet. */
    private static List<Cue> assertCuesInside(Transforms.Done done, int width, int height) throws IOException {
        String vtt = Files.readString(done.main());
        assertThat(vtt).startsWith("WEBVTT\n\n");
        Matcher matcher = CUE.matcher(vtt);
        List<Cue> cues = new ArrayList<>();
        while (matcher.find()) {
            int x = Integer.parseInt(matcher.group(4));
            int y = Integer.parseInt(matcher.group(5));
            int w = Integer.parseInt(matcher.group(6));
            int h = Integer.parseInt(matcher.group(7));
            assertThat(x + w).isLessThanOrEqualTo(width);
            assertThat(y + h).isLessThanOrEqualTo(height);
            assertThat(matcher.group(3)).doesNotContain("/");
            cues.add(new Cue(matcher.group(1), matcher.group(2), matcher.group(3)));
        }
        return cues;
    }
}
