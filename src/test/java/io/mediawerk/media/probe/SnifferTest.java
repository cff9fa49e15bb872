package io.mediawerk.media.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnifferTest {

    @TempDir
    static Path dir;

    private static Samples samples;

    @BeforeAll
    static void samples() {
        samples = new Samples(dir);
    }

    @ParameterizedTest
    @CsvSource({
        "video.mp4, MP4",
        "audio-only.mp4, MP4",
        "video.mov, MOV",
        "video.mkv, MKV",
        "video.webm, WEBM",
        "audio-only.webm, WEBM",
        "video.hevc, HEVC",
        "image.jpg, JPEG",
        "image.png, PNG",
        "animated.gif, GIF",
        "image.webp, WEBP",
        "lossless.webp, WEBP",
        "animated.webp, WEBP",
        "image.heic, HEIC",
        "thumbnailed.heic, HEIC",
        "audio.mp3, MP3",
        "bare.mp3, MP3",
        "cover.mp3, MP3",
        "audio.aac, AAC",
        "audio.m4a, M4A",
        "audio.wav, WAV",
        "opus.ogg, OGG",
        "vorbis.ogg, OGG",
        "audio.flac, FLAC"
    })
    void recognisesEachAcceptedFormat(String sample, MediaFormat expected) throws Exception {
        assertThat(Sniffer.sniff(samples.get(sample))).contains(expected);
    }

    @Test
    void ignoresTheFileName() throws Exception {
        assertThat(Sniffer.sniff(samples.get("png-named.mp4"))).contains(MediaFormat.PNG);
    }

    @Test
    void rejectsWhatIsNoAcceptedFormat() throws Exception {
        assertThat(Sniffer.sniff(samples.get("garbage.mp4"))).isEmpty();
        assertThat(Sniffer.sniff(samples.get("empty.mp4"))).isEmpty();
        assertThat(Sniffer.sniff(samples.get("image.avif"))).isEmpty();
        assertThat(Sniffer.sniff(null, 10)).isEmpty();
        assertThat(Sniffer.sniff(ascii("<!DOCTYPE html><html>"), 21)).isEmpty();
        assertThat(Sniffer.sniff(ascii("#EXTM3U\n#EXT-X-VERSION:3\n"), 25)).isEmpty();
        // H.264 and MPEG program streams also open with start codes
        assertThat(Sniffer.sniff(bytes(0, 0, 0, 1, 0x67, 0x64, 0, 0x1F), 8)).isEmpty();
        assertThat(Sniffer.sniff(bytes(0, 0, 1, 0xBA, 0x44, 0, 4, 0), 8)).isEmpty();
        // RIFF that is neither WAVE nor WEBP (AVI)
        assertThat(Sniffer.sniff(ascii("RIFF\0\0\0\0AVI LIST"), 16)).isEmpty();
    }

    @Test
    void truncatedMp4IsStillRecognisedAsMp4() throws Exception {
        assertThat(Sniffer.sniff(samples.get("truncated.mp4"))).contains(MediaFormat.MP4);
    }

    @Test
    void readsOnlyTheGivenLength() {
        byte[] png = samples.head("image.png");

        assertThat(Sniffer.sniff(png, 8)).contains(MediaFormat.PNG);
        assertThat(Sniffer.sniff(png, 7)).isEmpty();
        assertThat(Sniffer.sniff(png, 0)).isEmpty();
        assertThat(Sniffer.sniff(png, -5)).isEmpty();
        assertThat(Sniffer.sniff(png, Integer.MAX_VALUE)).contains(MediaFormat.PNG);
    }

    @Test
    void decidesIsoBmffByBrand() {
        assertThat(sniffFtyp("qt  ")).contains(MediaFormat.MOV);
        assertThat(sniffFtyp("M4A ", "M4A ", "mp42", "isom")).contains(MediaFormat.M4A);
        assertThat(sniffFtyp("M4B ")).contains(MediaFormat.M4A);
        assertThat(sniffFtyp("heic", "mif1", "heic")).contains(MediaFormat.HEIC);
        assertThat(sniffFtyp("mif1", "mif1", "heix")).contains(MediaFormat.HEIC);
        assertThat(sniffFtyp("msf1", "msf1", "hevc")).contains(MediaFormat.HEIC);
        assertThat(sniffFtyp("abcd", "heim")).contains(MediaFormat.HEIC);
        // a video brand wins over an image brand among the compatible ones
        assertThat(sniffFtyp("isom", "isom", "mif1")).contains(MediaFormat.MP4);
        assertThat(sniffFtyp("mp42", "mp42", "heic")).contains(MediaFormat.MP4);
        for (String brand : new String[] {"isom", "mp41", "mp42", "avc1", "iso2", "iso6", "dash", "M4V ", "3gp5"}) {
            assertThat(sniffFtyp(brand)).as(brand).contains(MediaFormat.MP4);
        }
        assertThat(sniffFtyp("abcd")).contains(MediaFormat.MP4);
        // AVIF is not HEIC and is not accepted
        assertThat(sniffFtyp("avif", "mif1", "miaf")).isEmpty();
        assertThat(sniffFtyp("mif1", "mif1", "avif")).isEmpty();
    }

    @Test
    void recognisesQuickTimeWithoutFtyp() {
        for (String atom : new String[] {"moov", "mdat", "wide", "free"}) {
            byte[] head = concat(bytes(0, 0, 0, 8), ascii(atom), bytes(0, 0, 0, 16), ascii("mvhd"));
            assertThat(Sniffer.sniff(head, head.length)).as(atom).contains(MediaFormat.MOV);
        }
        byte[] tooSmall = concat(bytes(0, 0, 0, 4), ascii("moov"));
        assertThat(Sniffer.sniff(tooSmall, tooSmall.length)).isEmpty();
    }

    @Test
    void readsTheMatroskaDocType() {
        assertThat(sniffEbml("matroska")).contains(MediaFormat.MKV);
        assertThat(sniffEbml("webm")).contains(MediaFormat.WEBM);
        assertThat(sniffEbml("other")).isEmpty();
        byte[] cut = Arrays.copyOf(samples.head("video.webm"), 20);
        assertThat(Sniffer.sniff(cut, cut.length)).isEmpty();
    }

    @Test
    void looksPastAnId3Tag() {
        byte[] adts = Arrays.copyOf(samples.head("audio.aac"), 4000);
        byte[] flac = Arrays.copyOf(samples.head("audio.flac"), 4000);
        byte[] mp3 = Arrays.copyOf(samples.head("bare.mp3"), 4000);

        assertThat(sniff(concat(id3(20), adts))).contains(MediaFormat.AAC);
        assertThat(sniff(concat(id3(20), flac))).contains(MediaFormat.FLAC);
        assertThat(sniff(concat(id3(20), mp3))).contains(MediaFormat.MP3);
        // a tag larger than the head is taken for MP3, by far the most common case
        assertThat(sniff(Arrays.copyOf(id3(200_000), 10))).contains(MediaFormat.MP3);
        assertThat(sniff(ascii("ID3 is the name of my band"))).isEmpty();
    }

    @Test
    void checksTheNextAudioFrame() {
        byte[] mp3 = samples.head("bare.mp3");
        byte[] adts = samples.head("audio.aac");

        assertThat(sniff(mp3)).contains(MediaFormat.MP3);
        assertThat(sniff(Arrays.copyOf(mp3, 4))).contains(MediaFormat.MP3);
        assertThat(sniff(concat(Arrays.copyOf(mp3, 4), new byte[2000]))).isEmpty();
        assertThat(sniff(concat(Arrays.copyOf(adts, 7), new byte[2000]))).isEmpty();
        // layer I and II frames are not MP3
        assertThat(sniff(bytes(0xFF, 0xFD, 0x90, 0x00))).isEmpty();
        assertThat(sniff(bytes(0xFF, 0xFF, 0x90, 0x00))).isEmpty();
    }

    @Test
    void recognisesRawHevcByItsFirstNalUnit() {
        assertThat(sniff(bytes(0, 0, 0, 1, 0x40, 0x01, 0x0C))).contains(MediaFormat.HEVC);
        assertThat(sniff(bytes(0, 0, 1, 0x42, 0x01, 0x01))).contains(MediaFormat.HEVC);
        assertThat(sniff(bytes(0, 0, 0, 1, 0x44, 0x01))).contains(MediaFormat.HEVC);
        assertThat(sniff(bytes(0, 0, 0, 1, 0x46, 0x01, 0x50))).contains(MediaFormat.HEVC);
        assertThat(sniff(bytes(0, 0, 0, 1, 0x26, 0x01))).isEmpty();
        assertThat(sniff(bytes(0, 0, 0, 1, 0x40, 0x00))).isEmpty();
        assertThat(sniff(bytes(0, 0, 0, 1))).isEmpty();
    }

    @Test
    void tellsTheCodecOfAnOggFile() {
        byte[] opus = samples.head("opus.ogg");
        byte[] vorbis = samples.head("vorbis.ogg");

        assertThat(Sniffer.oggCodec(opus, opus.length)).contains("opus");
        assertThat(Sniffer.oggCodec(vorbis, vorbis.length)).contains("vorbis");
        assertThat(Sniffer.oggCodec(vorbis, 30)).isEmpty();
        assertThat(Sniffer.oggCodec(samples.head("image.png"), 100)).isEmpty();
    }

    @Test
    void listsTheAcceptedFormatsInPlainWords() {
        assertThat(Sniffer.acceptedFormats())
                .isEqualTo("videos in MP4, MOV (QuickTime), MKV (Matroska), WebM, "
                        + "HEVC (raw H.265 stream); images in JPEG, PNG, GIF, WebP, HEIC; audio in MP3, AAC (ADTS), M4A, WAV, "
                        + "Ogg (Opus, Vorbis), FLAC.");
    }

    @Test
    void neverThrowsOnHostileBytes() {
        Random random = new Random(7);
        byte[][] seeds = {
            samples.head("video.mp4"),
            samples.head("video.webm"),
            samples.head("audio.mp3"),
            samples.head("image.heic"),
            samples.head("opus.ogg"),
            samples.head("audio.aac"),
            samples.head("image.webp")
        };
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = Arrays.copyOf(seeds[round % seeds.length], 1 + random.nextInt(600));
            for (int flips = random.nextInt(8); flips >= 0; flips--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            Sniffer.sniff(bytes, bytes.length);
            Sniffer.sniff(bytes, random.nextInt(bytes.length + 10));
            Sniffer.oggCodec(bytes, bytes.length);
        }
    }

    private static Optional<MediaFormat> sniff(byte[] head) {
        return Sniffer.sniff(head, head.length);
    }

    private static Optional<MediaFormat> sniffFtyp(String major, String... compatible) {
        byte[] brands = new byte[0];
        for (String brand : compatible) {
            brands = concat(brands, ascii(brand));
        }
        byte[] head = concat(bytes(0, 0, 0, 16 + brands.length), ascii("ftyp" + major), bytes(0, 0, 2, 0), brands);
        return sniff(head);
    }

    private static Optional<MediaFormat> sniffEbml(String docType) {
        byte[] doc = ascii(docType);
        byte[] body = concat(bytes(0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x80 | doc.length), doc);
        return sniff(concat(bytes(0x1A, 0x45, 0xDF, 0xA3, 0x80 | body.length), body));
    }

    private static byte[] id3(int size) {
        return concat(
                ascii("ID3"),
                bytes(4, 0, 0, (size >> 21) & 0x7F, (size >> 14) & 0x7F, (size >> 7) & 0x7F, size & 0x7F),
                new byte[Math.min(size, 100_000)]);
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        int size = Arrays.stream(parts).mapToInt(part -> part.length).sum();
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
