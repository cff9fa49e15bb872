package io.mediawerk.media.probe;

import static io.mediawerk.media.probe.SnifferTest.ascii;
import static io.mediawerk.media.probe.SnifferTest.concat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The WebP canvas size, read from the first chunk because ffprobe 5.1 cannot size animated WebP. */
class SnifferWebpHeaderTest {

    @TempDir
    static Path dir;

    private static Samples samples;

    @BeforeAll
    static void samples() {
        samples = new Samples(dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"image.webp", "lossless.webp", "animated.webp"})
    void readsTheCanvasSize(String sample) {
        byte[] head = samples.head(sample);

        assertThat(WebpHeader.size(head, head.length)).contains(new Dimensions(64, 48));
    }

    @Test
    void givesNothingForOtherOrBrokenBytes() {
        byte[] png = samples.head("image.png");
        assertThat(WebpHeader.size(png, png.length)).isEmpty();
        assertThat(WebpHeader.size(null, 10)).isEmpty();
        assertThat(WebpHeader.size(ascii("RIFF\0\0\0\0WEBPVP8X"), 16)).isEmpty();
        assertThat(WebpHeader.size(concat(ascii("RIFF\0\0\0\0WEBPVP8 "), new byte[20]), 36))
                .isEmpty();

        Random random = new Random(3);
        for (String sample : new String[] {"image.webp", "lossless.webp", "animated.webp"}) {
            byte[] head = samples.head(sample);
            for (int length = 0; length < 40; length++) {
                WebpHeader.size(Arrays.copyOf(head, length), length);
            }
            for (int round = 0; round < 2000; round++) {
                byte[] bytes = Arrays.copyOf(head, 40);
                bytes[12 + random.nextInt(28)] = (byte) random.nextInt(256);
                WebpHeader.size(bytes, bytes.length);
            }
        }
    }
}
