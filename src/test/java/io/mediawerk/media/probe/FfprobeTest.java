package io.mediawerk.media.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mediawerk.ffmpeg.ProgramUnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FfprobeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    @TempDir
    static Path dir;

    private static Samples samples;
    private static HttpServer server;
    private static final CountDownLatch NEVER = new CountDownLatch(1);
    private final MediaProbe probe = new MediaProbe();

    @BeforeAll
    static void start() throws IOException {
        samples = new Samples(dir);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/bucket/", FfprobeTest::serve);
        server.createContext("/slow/", exchange -> {
            try {
                NEVER.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "test-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    @AfterAll
    static void stop() {
        NEVER.countDown();
        server.stop(0);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "video.mp4,       video, video/mp4,        mp4,  h264, aac,       64, 48, 1.0,  25",
                "video.mov,       video, video/quicktime,  mov,  h264, aac,       64, 48, 1.0,  25",
                "video.mkv,       video, video/x-matroska, mkv,  h264, aac,       64, 48, 1.0,  25",
                "video.webm,      video, video/webm,       webm, vp9,  opus,      64, 48, 1.0,  25",
                "video.hevc,      video, video/hevc,       hevc, hevc, -,         64, 48, 1.0,  25",
                "rotated.mp4,     video, video/mp4,        mp4,  h264, aac,       48, 64, 1.0,  25",
                "image.jpg,       image, image/jpeg,       jpeg, -,    -,         64, 48, -,    -",
                "image.png,       image, image/png,        png,  -,    -,         64, 48, -,    -",
                "png-named.mp4,   image, image/png,        png,  -,    -,         64, 48, -,    -",
                "animated.gif,    image, image/gif,        gif,  -,    -,         64, 48, -,    -",
                "image.webp,      image, image/webp,       webp, -,    -,         64, 48, -,    -",
                "lossless.webp,   image, image/webp,       webp, -,    -,         64, 48, -,    -",
                "animated.webp,   image, image/webp,       webp, -,    -,         64, 48, -,    -",
                "image.heic,      image, image/heic,       heif, -,    -,         64, 48, -,    -",
                "audio.mp3,       audio, audio/mpeg,       mp3,  -,    mp3,       -,  -,  1.0,  -",
                "cover.mp3,       audio, audio/mpeg,       mp3,  -,    mp3,       -,  -,  1.0,  -",
                "audio.aac,       audio, audio/aac,        aac,  -,    aac,       -,  -,  1.0,  -",
                "audio.m4a,       audio, audio/mp4,        m4a,  -,    aac,       -,  -,  1.0,  -",
                "audio.wav,       audio, audio/wav,        wav,  -,    pcm_s16le, -,  -,  1.0,  -",
                "opus.ogg,        audio, audio/opus,       ogg,  -,    opus,      -,  -,  1.0,  -",
                "vorbis.ogg,      audio, audio/ogg,        ogg,  -,    vorbis,    -,  -,  1.0,  -",
                "audio.flac,      audio, audio/flac,       flac, -,    flac,      -,  -,  1.0,  -",
                "audio-only.mp4,  audio, audio/mp4,        mp4,  -,    aac,       -,  -,  1.0,  -",
                "audio-only.webm, audio, audio/webm,       webm, -,    opus,      -,  -,  1.0,  -"
            })
    void probesEachAcceptedFormat(
            String sample,
            String kind,
            String mimeType,
            String container,
            String videoCodec,
            String audioCodec,
            Integer width,
            Integer height,
            Double duration,
            Double fps) {
        ProbeResult result = probeFile(sample);

        assertThat(result.kind()).isEqualTo(kind);
        assertThat(result.mimeType()).isEqualTo(mimeType);
        assertThat(result.container()).isEqualTo(container);
        assertThat(result.videoCodec()).isEqualTo(videoCodec);
        assertThat(result.audioCodec()).isEqualTo(audioCodec);
        assertThat(result.width()).isEqualTo(width);
        assertThat(result.height()).isEqualTo(height);
        if (duration == null) {
            assertThat(result.duration()).isNull();
            assertThat(result.bitrate()).isNull();
        } else {
            // encoders add a few milliseconds of priming and padding
            assertThat(result.duration()).isCloseTo(duration, within(0.1));
            assertThat(result.bitrate()).isPositive();
        }
        if (fps == null) {
            assertThat(result.fps()).isNull();
        } else {
            assertThat(result.fps()).isCloseTo(fps, within(0.01));
        }
    }

    @Test
    void readsTheFileThroughAUrl() {
        ProbeResult result = probe.probe(url("video.mp4"), samples.head("video.mp4"), 1 << 16, TIMEOUT);

        assertThat(result.kind()).isEqualTo(MediaKind.VIDEO);
        assertThat(result.width()).isEqualTo(64);
        assertThat(result.duration()).isCloseTo(1.0, within(0.1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage.mp4", "empty.mp4"})
    void refusesWhatIsNoMedia(String sample) {
        ProbeException e = catchThrowableOfType(ProbeException.class, () -> probeFile(sample));

        assertThat(e.code()).isEqualTo(ProbeException.UNSUPPORTED_FORMAT);
        assertThat(e.getMessage())
                .startsWith("The file is not a media file Mediawerk accepts (its first bytes match "
                        + "no known format). Accepted: videos in MP4, ");
    }

    @Test
    void aTruncatedMp4IsCorrupt() {
        ProbeException e = catchThrowableOfType(ProbeException.class, () -> probeFile("truncated.mp4"));

        assertThat(e.code()).isEqualTo(ProbeException.CORRUPT_FILE);
        assertThat(e.getMessage())
                .isEqualTo("The file starts like MP4 but could not be read (moov atom not found). "
                        + "It may be damaged or only partly uploaded.");
    }

    @Test
    void garbageForcedThroughEachDemuxerIsRefusedOrReadAsLittle() throws IOException {
        String garbage = samples.get("garbage.mp4").toString();
        for (MediaFormat format : MediaFormat.values()) {
            if (format == MediaFormat.HEIC) {
                continue;
            }
            try {
                ProbeResult result = new Ffprobe().probe(garbage, format, TIMEOUT);
                // the raw AAC and FLAC demuxers accept anything once told to; the sniffer never sends them garbage
                assertThat(format)
                        .as("%s read %s", format, result)
                        .isIn(MediaFormat.AAC, MediaFormat.FLAC, MediaFormat.WEBP);
                assertThat(result.width()).isNull();
            } catch (ProbeException e) {
                assertThat(e.code()).as(format.name()).isEqualTo(ProbeException.CORRUPT_FILE);
                assertThat(e.getMessage()).doesNotContain(dir.toString()).doesNotContain("garbage");
            }
        }
    }

    @Test
    void everyFormatCutShortIsReadOrRefusedWithAProbeError() throws IOException {
        for (String sample : new String[] {
            "video.mp4",
            "video.mov",
            "video.mkv",
            "video.webm",
            "video.hevc",
            "image.jpg",
            "image.png",
            "animated.gif",
            "image.webp",
            "animated.webp",
            "image.heic",
            "audio.mp3",
            "audio.aac",
            "audio.m4a",
            "audio.wav",
            "opus.ogg",
            "audio.flac"
        }) {
            byte[] whole = Files.readAllBytes(samples.get(sample));
            for (double fraction : new double[] {0.05, 0.3, 0.7}) {
                byte[] cut = Arrays.copyOf(whole, (int) (whole.length * fraction));
                Path file = dir.resolve("cut-" + fraction + "-" + sample);
                Files.write(file, cut);
                try {
                    probe.probe(file.toString(), cut, cut.length, TIMEOUT);
                } catch (ProbeException e) {
                    assertThat(e.code())
                            .as(file.getFileName().toString())
                            .isIn(
                                    ProbeException.CORRUPT_FILE,
                                    ProbeException.NO_MEDIA_STREAMS,
                                    ProbeException.UNSUPPORTED_FORMAT);
                    assertThat(e.getMessage()).doesNotContain(dir.toString());
                }
            }
        }
    }

    @Test
    void corruptFileThroughAUrlDoesNotLeakTheUrl() {
        samples.get("truncated.mp4");

        ProbeException e = catchThrowableOfType(
                ProbeException.class, () -> new Ffprobe().probe(url("truncated.mp4"), MediaFormat.MP4, TIMEOUT));

        assertThat(e.code()).isEqualTo(ProbeException.CORRUPT_FILE);
        assertThat(e.getMessage())
                .contains("moov atom not found")
                .doesNotContain("Signature")
                .doesNotContain("secret")
                .doesNotContain("127.0.0.1");
    }

    @Test
    void aMissingObjectIsUnreadableNotCorrupt() {
        ProbeException e = catchThrowableOfType(
                ProbeException.class, () -> new Ffprobe().probe(url("no-such-object.mp4"), MediaFormat.MP4, TIMEOUT));

        assertThat(e.code()).isEqualTo(ProbeException.SOURCE_UNREADABLE);
        assertThat(e.getMessage())
                .isEqualTo("Mediawerk could not read the file to inspect it (Server returned 404 "
                        + "Not Found). This is not a problem with the file; please try again later.");
    }

    @Test
    void aMissingLocalFileIsUnreadable() {
        ProbeException e = catchThrowableOfType(
                ProbeException.class,
                () -> new Ffprobe().probe(dir.resolve("nothing-here.mp4").toString(), MediaFormat.MP4, TIMEOUT));

        assertThat(e.code()).isEqualTo(ProbeException.SOURCE_UNREADABLE);
        assertThat(e.getMessage()).contains("(No such file or directory)").doesNotContain(dir.toString());
    }

    @Test
    void aSourceThatNeverAnswersTimesOut() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/slow/video.mp4?X-Amz-Signature=secret";

        ProbeException e = catchThrowableOfType(
                ProbeException.class, () -> new Ffprobe().probe(url, MediaFormat.MP4, Duration.ofSeconds(1)));

        assertThat(e.code()).isEqualTo(ProbeException.PROBE_TIMEOUT);
        assertThat(e.getMessage())
                .isEqualTo("Inspecting the MP4 file took longer than 1 second. It may be damaged "
                        + "or unusually complex.");
    }

    @Test
    void namesThatLookLikeOptionsOrProtocolsAreJustPaths() throws IOException {
        Path odd = Files.copy(samples.get("image.png"), dir.resolve("-i"));
        Path concat = Files.copy(samples.get("image.png"), dir.resolve("concat:a|b"));

        assertThat(new Ffprobe().probe(odd.toString(), MediaFormat.PNG, TIMEOUT).width())
                .isEqualTo(64);
        assertThat(new Ffprobe()
                        .probe(concat.toString(), MediaFormat.PNG, TIMEOUT)
                        .width())
                .isEqualTo(64);
    }

    @Test
    void refusesCallsItCannotServe() {
        String png = samples.get("image.png").toString();

        assertThatThrownBy(() -> new Ffprobe().probe(png, null, TIMEOUT))
                .isInstanceOfSatisfying(
                        ProbeException.class, e -> assertThat(e.code()).isEqualTo(ProbeException.UNSUPPORTED_FORMAT));
        assertThatThrownBy(() -> new Ffprobe().probe(png, MediaFormat.HEIC, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ffprobe("/nonexistent/ffprobe").probe(png, MediaFormat.PNG, TIMEOUT))
                .isInstanceOf(ProgramUnavailableException.class)
                .hasMessage("ffprobe is not installed: apt-get install -y ffmpeg");
    }

    private ProbeResult probeFile(String sample) {
        byte[] head = samples.head(sample);
        return probe.probe(samples.get(sample).toString(), head, head.length, TIMEOUT);
    }

    private static String url(String sample) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/bucket/" + sample
                + "?X-Amz-Expires=900&X-Amz-Signature=secret0123456789";
    }

    /** Serves samples with the byte ranges ffprobe asks for to seek, like S3 does. */
    private static void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring("/bucket/".length());
            Path file = dir.resolve(name);
            if (name.contains("/") || !Files.exists(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = Files.readAllBytes(file);
            int from = 0;
            int to = bytes.length - 1;
            String range = exchange.getRequestHeaders().getFirst("Range");
            Matcher matcher = range == null ? null : RANGE.matcher(range);
            if (matcher != null && matcher.matches()) {
                from = Integer.parseInt(matcher.group(1));
                to = matcher.group(2).isEmpty() ? to : Math.min(to, Integer.parseInt(matcher.group(2)));
                exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + bytes.length);
            }
            exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
            if (from > to) {
                exchange.sendResponseHeaders(416, -1);
                return;
            }
            exchange.sendResponseHeaders(matcher != null && matcher.matches() ? 206 : 200, to - from + 1);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes, from, to - from + 1);
            }
        }
    }
}
