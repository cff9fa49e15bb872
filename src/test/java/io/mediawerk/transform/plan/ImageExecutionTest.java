package io.mediawerk.transform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs image plans on generated images and videos and checks the pictures they make. */
class ImageExecutionTest {

    @TempDir
    Path temp;

    @Test
    void jpegFromAnImageByWidth() {
        Transforms.Done done = Transforms.run("image", "{\"width\":100}", Samples.jpeg(), temp);

        assertThat(done.plan().output()).isEqualTo(Output.single("image.jpg", "image", "jpeg", "image/jpeg", "jpg"));
        assertThat(done.plan().steps().get(0).mediaSeconds()).isNull();
        assertThat(done.probe().videoCodec()).isEqualTo("mjpeg");
        assertThat(done.probe().size()).isEqualTo("100x75");
    }

    @Test
    void pngKeepsTransparency() {
        Transforms.Done done =
                Transforms.run("image", "{\"format\":\"png\",\"width\":\"50%\"}", Samples.transparentPng(), temp);

        assertThat(done.probe().videoCodec()).isEqualTo("png");
        assertThat(done.probe().video().path("pix_fmt").asText()).isEqualTo("rgba");
        assertThat(done.probe().size()).isEqualTo("32x24");
        assertThat(pixel(done.main(), 0, 0)[3]).as("alpha").isZero();
        assertThat(pixel(done.main(), 16, 12))
                .satisfies(rgba -> assertColour(rgba, 0, 0, 255))
                .endsWith(255);
    }

    @Test
    void jpegPutsTheBackgroundBehindTransparency() {
        Transforms.Done done = Transforms.run("image", "{\"background\":\"#0f0\"}", Samples.transparentPng(), temp);

        assertThat(done.probe().size()).isEqualTo("64x48");
        assertThat(pixel(done.main(), 2, 2)).satisfies(rgb -> assertColour(rgb, 0, 255, 0));
        assertThat(pixel(done.main(), 32, 24)).satisfies(rgb -> assertColour(rgb, 0, 0, 255));
    }

    @Test
    void webpAvifAndGifFromAnImage() {
        String[][] cases = {{"webp", "webp"}, {"avif", "av1"}, {"gif", "gif"}};
        for (String[] c : cases) {
            Transforms.Done done = Transforms.run(
                    "image", "{\"format\":\"" + c[0] + "\",\"width\":101}", Samples.jpeg(), temp.resolve(c[0]));

            assertThat(done.main()).hasFileName("image." + c[0]);
            assertThat(done.probe().videoCodec()).as(c[0]).isEqualTo(c[1]);
            assertThat(done.probe().size()).as(c[0]).isEqualTo("101x76");
            assertThat(done.plan().output().mimeType()).isEqualTo("image/" + c[0]);
        }
    }

    @Test
    void framesOfAVideo() {
        Transforms.Done jpeg = Transforms.run("image", "{\"start\":1.2}", Samples.clip(), temp.resolve("jpeg"));
        Transforms.Done gif =
                Transforms.run("image", "{\"format\":\"gif\",\"height\":60}", Samples.clip(), temp.resolve("gif"));

        assertThat(jpeg.probe().size()).isEqualTo("320x240");
        assertThat(jpeg.probe().videoCodec()).isEqualTo("mjpeg");
        assertThat(gif.probe().size()).isEqualTo("80x60");
        assertThat(gif.probe().video().path("nb_frames").asText("1")).isIn("1", "N/A");
    }

    @Test
    void coverCropsToTheExactSizeAtThePosition() {
        Transforms.Done centre = Transforms.run(
                "image",
                "{\"format\":\"png\",\"width\":100,\"height\":100," + "\"fit\":\"cover\"}",
                Samples.transparentPng(),
                temp.resolve("centre"));
        Transforms.Done left = Transforms.run(
                "image",
                "{\"format\":\"png\",\"width\":30,\"height\":48," + "\"fit\":\"cover\",\"position\":\"left\"}",
                Samples.transparentPng(),
                temp.resolve("left"));
        Transforms.Done contain = Transforms.run(
                "image",
                "{\"format\":\"png\",\"width\":100,\"height\":100}",
                Samples.transparentPng(),
                temp.resolve("contain"));
        Transforms.Done fill = Transforms.run(
                "image",
                "{\"format\":\"png\",\"width\":100,\"height\":10," + "\"fit\":\"fill\"}",
                Samples.transparentPng(),
                temp.resolve("fill"));

        assertThat(centre.probe().size()).isEqualTo("100x100");
        assertThat(pixel(centre.main(), 50, 50))
                .satisfies(rgba -> assertColour(rgba, 0, 0, 255))
                .endsWith(255);
        assertThat(left.probe().size()).isEqualTo("30x48");
        assertThat(pixel(left.main(), 10, 24)[3]).as("alpha").isZero();
        assertThat(pixel(left.main(), 20, 24))
                .satisfies(rgba -> assertColour(rgba, 0, 0, 255))
                .endsWith(255);
        assertThat(contain.probe().size()).isEqualTo("100x75");
        assertThat(fill.probe().size()).isEqualTo("100x10");
    }

    @Test
    void heicIsDecodedFirst() {
        Samples.Sample heic = Samples.heic();
        assertThat(Planner.needsLocalInput(heic.facts())).isTrue();

        Transforms.Done done = Transforms.run("image", "{\"width\":64}", heic, temp);

        assertThat(done.plan().steps()).hasSize(2);
        assertThat(done.plan().steps().get(0).command()).startsWith("heif-convert");
        assertThat(done.probe().videoCodec()).isEqualTo("mjpeg");
        assertThat(done.probe().size()).isEqualTo("64x48");
    }

    @Test
    void aHeicFileOfSeveralImagesGivesItsFirst() {
        Transforms.Done done = Transforms.run("image", "{\"format\":\"png\"}", Samples.twoImageHeic(), temp);

        assertThat(done.probe().size()).isEqualTo("128x96");
    }

    @Test
    void exifOrientationIsApplied() {
        Transforms.Done full =
                Transforms.run("image", "{\"format\":\"png\"}", Samples.exifRotatedJpeg(), temp.resolve("full"));
        Transforms.Done half = Transforms.run(
                "image",
                "{\"width\":\"50%\",\"height\":\"25%\",\"fit\":\"cover\"}",
                Samples.exifRotatedJpeg(),
                temp.resolve("half"));

        assertThat(full.probe().size()).isEqualTo("240x320");
        assertThat(half.probe().size()).isEqualTo("120x80");
    }

    @Test
    void theFirstFrameOfAnAnimation() {
        Transforms.Done done = Transforms.run("image", "{\"format\":\"png\"}", Samples.animatedGif(), temp);

        assertThat(done.probe().size()).isEqualTo("80x60");
        assertThat(done.probe().video().path("codec_name").asText()).isEqualTo("png");
    }

    private static void assertColour(int[] rgb, int red, int green, int blue) {
        assertThat(rgb[0]).isBetween(red - 12, red + 12);
        assertThat(rgb[1]).isBetween(green - 12, green + 12);
        assertThat(rgb[2]).isBetween(blue - 12, blue + 12);
    }

    /** The RGBA (PNG) or RGB (other formats) values of one pixel, as ffmpeg decodes the picture. */
    static int[] pixel(Path picture, int x, int y) {
        boolean png = picture.toString().endsWith(".png");
        Path raw = picture.resolveSibling("../logs/pixel.raw").normalize();
        Programs.runOrFail(
                List.of(
                        "ffmpeg",
                        "-v",
                        "error",
                        "-y",
                        "-i",
                        picture.toString(),
                        "-vf",
                        "format=" + (png ? "rgba" : "rgb24") + ",crop=1:1:" + x + ":" + y,
                        "-frames:v",
                        "1",
                        "-f",
                        "rawvideo",
                        raw.toString()),
                raw.getParent());
        try {
            byte[] bytes = Files.readAllBytes(raw);
            int[] values = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                values[i] = bytes[i] & 0xFF;
            }
            return values;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
