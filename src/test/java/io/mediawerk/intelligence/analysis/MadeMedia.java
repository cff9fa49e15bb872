package io.mediawerk.intelligence.analysis;

import io.mediawerk.ffmpeg.ProcessResult;
import io.mediawerk.ffmpeg.ProcessRunner;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** Test media made on the spot with ffmpeg, and ways to look at it. */
final class MadeMedia {

    static final String FONT = io.mediawerk.testing.TestMedia.FONT;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private MadeMedia() {}

    /** Runs {@code ffmpeg -y <arguments> <output>}, which must succeed. */
    static Path ffmpeg(Path output, String... arguments) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-y", "-v", "error"));
        command.addAll(List.of(arguments));
        command.add(output.toString());
        ProcessResult result = ProcessRunner.run(command, TIMEOUT, 0);
        if (!result.succeeded()) {
            throw new IllegalStateException("ffmpeg failed: " + command + "\n" + result.stderrTail());
        }
        return output;
    }

    /** Runs ffmpeg for what it logs, such as a filter's summary; its output goes nowhere. */
    static String ffmpegLog(String... arguments) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-nostats"));
        command.addAll(List.of(arguments));
        command.addAll(List.of("-f", "null", "-"));
        ProcessResult result = ProcessRunner.run(command, TIMEOUT, 0);
        if (!result.succeeded()) {
            throw new IllegalStateException("ffmpeg failed: " + command + "\n" + result.stderrTail());
        }
        return result.stderrTail();
    }

    static Path randomBytes(Path file, int size) {
        byte[] bytes = new byte[size];
        new Random(20260101).nextBytes(bytes);
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mean red, green and blue of an image, 0..255 each. */
    static double[] meanColour(Path image) {
        BufferedImage picture = read(image);
        double[] sum = new double[3];
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                int rgb = picture.getRGB(x, y);
                sum[0] += (rgb >> 16) & 0xFF;
                sum[1] += (rgb >> 8) & 0xFF;
                sum[2] += rgb & 0xFF;
            }
        }
        double pixels = (double) picture.getWidth() * picture.getHeight();
        return new double[] {sum[0] / pixels, sum[1] / pixels, sum[2] / pixels};
    }

    static BufferedImage read(Path image) {
        try {
            BufferedImage picture = ImageIO.read(image.toFile());
            if (picture == null) {
                throw new IllegalStateException("Not an image ImageIO reads: " + image);
            }
            return picture;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] head(Path file, int bytes) {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
