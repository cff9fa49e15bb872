package io.mediawerk.transform.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs animation plans: a looping GIF and an animated WebP. */
class AnimationExecutionTest {

    @TempDir
    Path temp;

    @Test
    void gifOfTheFirstSecondAtTenFramesPerSecond() {
        Transforms.Done done = Transforms.run("animation", "{\"end\":1,\"width\":160}", Samples.clip(), temp);
        Probed probed = done.probe();

        assertThat(done.plan().output()).isEqualTo(Output.single("animation.gif", "image", "gif", "image/gif", "gif"));
        assertThat(probed.videoCodec()).isEqualTo("gif");
        assertThat(probed.size()).isEqualTo("160x120");
        assertThat(probed.duration()).isCloseTo(1.0, within(0.3));
        assertThat(frames(done.main(), done.logDir())).isEqualTo(10);
    }

    @Test
    void animatedWebp() throws IOException {
        Transforms.Done done =
                Transforms.run("animation", "{\"format\":\"webp\",\"start\":0.5,\"fps\":5}", Samples.clip(), temp);
        byte[] webp = Files.readAllBytes(done.main());
        String header = new String(webp, 0, 16, StandardCharsets.ISO_8859_1);
        String chunks = new String(webp, StandardCharsets.ISO_8859_1);

        assertThat(done.plan().output().mimeType()).isEqualTo("image/webp");
        assertThat(done.plan().steps().get(0).mediaSeconds()).isEqualTo(1.5);
        assertThat(header).startsWith("RIFF").contains("WEBPVP8X");
        assertThat(chunks).contains("ANIM");
        // ffmpeg 5.1 cannot decode animated WebP, so the frames are counted by their chunks
        assertThat(chunks.split("ANMF", -1)).hasSize(8 + 1);
    }

    private static int frames(Path file, Path logDir) {
        Programs.Result result = Programs.run(
                List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-count_frames",
                        "-select_streams",
                        "v:0",
                        "-show_entries",
                        "stream=nb_read_frames",
                        "-of",
                        "csv=p=0",
                        file.toString()),
                logDir);
        return Integer.parseInt(result.stdout().strip());
    }
}
