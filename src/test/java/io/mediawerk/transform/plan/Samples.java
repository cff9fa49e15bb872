package io.mediawerk.transform.plan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Small inputs made once per run with ffmpeg's lavfi sources and heif-enc, with the facts the probe would store. */
final class Samples {

    /** A test input: the file and what the database knows of it. */
    record Sample(Path file, InputFacts facts) {

        String path() {
            return file.toAbsolutePath().toString();
        }
    }

    static final Path DIR = Path.of("target", "plan-test-media").toAbsolutePath();
    private static final Map<String, Sample> MADE = new HashMap<>();
    private static final String TONE = "sine=frequency=440:sample_rate=48000:duration=";

    private Samples() {}

    /** 320x240, 25 fps, 2 s, H.264 and AAC in MP4 with the index at the end. */
    static Sample clip() {
        return made(
                "clip",
                () -> new Sample(
                        ffmpeg(
                                "clip.mp4",
                                av("320x240", 2),
                                "-c:v",
                                "libx264",
                                "-preset",
                                "ultrafast",
                                "-pix_fmt",
                                "yuv420p",
                                "-c:a",
                                "aac",
                                "-shortest"),
                        video("mp4", 320, 240, 2.0, true)));
    }

    /** As {@link #clip()}, 1 s long, for the slow encoders. */
    static Sample shortClip() {
        return made(
                "short",
                () -> new Sample(
                        ffmpeg(
                                "short.mp4",
                                av("320x240", 1),
                                "-c:v",
                                "libx264",
                                "-preset",
                                "ultrafast",
                                "-pix_fmt",
                                "yuv420p",
                                "-c:a",
                                "aac",
                                "-shortest"),
                        video("mp4", 320, 240, 1.0, true)));
    }

    /** 320x240, 1 s, no audio track, in WebM. */
    static Sample silentClip() {
        return made(
                "silent",
                () -> new Sample(
                        ffmpeg(
                                "silent.webm",
                                List.of("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=1"),
                                "-c:v",
                                "libvpx-vp9",
                                "-deadline",
                                "realtime",
                                "-cpu-used",
                                "8",
                                "-b:v",
                                "300k"),
                        video("webm", 320, 240, 1.0, false)));
    }

    /** 640x360, 2 s, with audio: two HLS renditions (360 and 240). */
    static Sample wideClip() {
        return made(
                "wide",
                () -> new Sample(
                        ffmpeg(
                                "wide.mp4",
                                av("640x360", 2),
                                "-c:v",
                                "libx264",
                                "-preset",
                                "ultrafast",
                                "-pix_fmt",
                                "yuv420p",
                                "-c:a",
                                "aac",
                                "-shortest"),
                        video("mp4", 640, 360, 2.0, true)));
    }

    /** As {@link #wideClip()}, its video H.265 (Main, {@code hvc1}). */
    static Sample wideH265Clip() {
        return made(
                "wide-h265",
                () -> new Sample(
                        ffmpeg(
                                "wide-h265.mp4",
                                av("640x360", 2),
                                "-c:v",
                                "libx265",
                                "-preset",
                                "ultrafast",
                                "-x265-params",
                                "log-level=error:keyint=25:open-gop=0",
                                "-tag:v",
                                "hvc1",
                                "-pix_fmt",
                                "yuv420p",
                                "-c:a",
                                "aac",
                                "-shortest"),
                        new InputFacts("video", "mp4", "hevc", "aac", 640, 360, 2.0, 25.0)));
    }

    /** A 320x240 picture shown turned by 90°: displayed 240x320. */
    static Sample rotatedClip() {
        return made(
                "rotated",
                () -> new Sample(
                        ffmpeg(
                                "rotated.mp4",
                                List.of("-i", clip().path()),
                                "-c",
                                "copy",
                                "-metadata:s:v",
                                "rotate=90",
                                "-t",
                                "1"),
                        video("mp4", 240, 320, 1.0, true)));
    }

    /** 64x48, transparent but for an opaque blue rectangle in the middle (16,12 to 48,36). */
    static Sample transparentPng() {
        return made(
                "alpha",
                () -> new Sample(
                        ffmpeg(
                                "alpha.png",
                                List.of(
                                        "-f",
                                        "lavfi",
                                        "-i",
                                        "color=c=red@0.0:s=64x48,format=rgba",
                                        "-f",
                                        "lavfi",
                                        "-i",
                                        "color=c=blue:s=32x24"),
                                "-filter_complex",
                                "[0][1]overlay=16:12:format=auto,format=rgba",
                                "-frames:v",
                                "1"),
                        image("png", 64, 48)));
    }

    static Sample jpeg() {
        return made(
                "jpeg",
                () -> new Sample(
                        ffmpeg("still.jpg", List.of("-f", "lavfi", "-i", "testsrc2=size=320x240"), "-frames:v", "1"),
                        image("jpeg", 320, 240)));
    }

    /**
     * A 320x240 JPEG whose EXIF orientation (6) says to show it turned clockwise: displayed 240x320. Its facts give
     * the stored size, as the probe reports it for JPEG.
     */
    static Sample exifRotatedJpeg() {
        return made("exif", () -> {
            try {
                byte[] jpeg = Files.readAllBytes(jpeg().file());
                Path file = DIR.resolve("exif-rotated.jpg");
                Files.write(file, withOrientation(jpeg, 6));
                return new Sample(file, image("jpeg", 320, 240));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** An animated GIF of five 80x60 frames. */
    static Sample animatedGif() {
        return made(
                "gif",
                () -> new Sample(
                        ffmpeg("animated.gif", List.of("-f", "lavfi", "-i", "testsrc2=size=80x60:rate=5:duration=1")),
                        image("gif", 80, 60)));
    }

    /** An animated WebP, which ffmpeg 5.1 cannot decode. */
    static Sample animatedWebp() {
        return made(
                "webp",
                () -> new Sample(
                        ffmpeg(
                                "animated.webp",
                                List.of("-f", "lavfi", "-i", "testsrc2=size=80x60:rate=5:duration=1"),
                                "-c:v",
                                "libwebp_anim",
                                "-loop",
                                "0"),
                        image("webp", 80, 60)));
    }

    /** A 128x96 HEIC image made with heif-enc. */
    static Sample heic() {
        return made("heic", () -> {
            Path png = ffmpeg("for-heic.png", List.of("-f", "lavfi", "-i", "testsrc2=size=128x96"), "-frames:v", "1");
            Path heic = DIR.resolve("still.heic");
            Programs.runOrFail(List.of("heif-enc", "-q", "60", "-o", heic.toString(), png.toString()), DIR);
            return new Sample(heic, new InputFacts("image", "heif", null, null, 128, 96, null, null));
        });
    }

    /** A HEIC file of two images: 128x96 first, then 64x64. */
    static Sample twoImageHeic() {
        return made("heic2", () -> {
            heic();
            Path second = ffmpeg(
                    "second-for-heic.png", List.of("-f", "lavfi", "-i", "testsrc2=size=64x64"), "-frames:v", "1");
            Path heic = DIR.resolve("two.heic");
            Programs.runOrFail(
                    List.of(
                            "heif-enc",
                            "-q",
                            "60",
                            "-o",
                            heic.toString(),
                            DIR.resolve("for-heic.png").toString(),
                            second.toString()),
                    DIR);
            return new Sample(heic, new InputFacts("image", "heif", null, null, 128, 96, null, null));
        });
    }

    /** 2 s of a 440 Hz tone, stereo, 48 kHz WAV. */
    static Sample tone() {
        return made(
                "tone",
                () -> new Sample(
                        ffmpeg("tone.wav", List.of("-f", "lavfi", "-i", TONE + 2), "-ac", "2", "-c:a", "pcm_s16le"),
                        new InputFacts("audio", "wav", null, "pcm_s16le", null, null, 2.0, null)));
    }

    static InputFacts video(String container, int width, int height, double duration, boolean audio) {
        return new InputFacts("video", container, "h264", audio ? "aac" : null, width, height, duration, 25.0);
    }

    static InputFacts image(String container, int width, int height) {
        return new InputFacts("image", container, null, null, width, height, null, null);
    }

    private static synchronized Sample made(String name, Supplier<Sample> maker) {
        Sample sample = MADE.get(name);
        if (sample == null) {
            sample = maker.get();
            MADE.put(name, sample);
        }
        return sample;
    }

    private static List<String> av(String size, int seconds) {
        return List.of(
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=" + size + ":rate=25:duration=" + seconds,
                "-f",
                "lavfi",
                "-i",
                TONE + seconds);
    }

    private static Path ffmpeg(String name, List<String> inputs, String... options) {
        Path out = DIR.resolve(name);
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-y"));
        command.addAll(inputs);
        command.addAll(List.of(options));
        command.add(out.toString());
        Programs.runOrFail(command, DIR);
        return out;
    }

    /** The JPEG with an EXIF segment that holds only the orientation tag, right after the start marker. */
    static byte[] withOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26);
        // big-endian TIFF header, one IFD entry: tag 0x0112 (orientation), type SHORT, count 1, value; no next IFD
        tiff.put(new byte[] {'M', 'M', 0, 42})
                .putInt(8)
                .putShort((short) 1)
                .putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0)
                .putInt(0);
        byte[] exif = new byte[6 + tiff.capacity()];
        System.arraycopy(new byte[] {'E', 'x', 'i', 'f', 0, 0}, 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, tiff.capacity());
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + exif.length);
        out.put(jpeg, 0, 2)
                .put((byte) 0xFF)
                .put((byte) 0xE1)
                .putShort((short) (exif.length + 2))
                .put(exif)
                .put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }
}
