package io.mediawerk.media.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Tells the format of a file from its first bytes, never from its name. */
public final class Sniffer {

    /** How many leading bytes callers should pass. */
    public static final int HEAD_BYTES = 64 * 1024;

    private static final Set<String> HEIF_BRANDS =
            Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1");
    private static final Set<String> HEVC_HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis");
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
    private static final Set<String> AUDIO_BRANDS = Set.of("M4A ", "M4B ", "M4P ");
    private static final Set<String> VIDEO_BRANDS = Set.of(
            "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8", "iso9", "mp41", "mp42", "mp71", "avc1",
            "dash", "M4V ", "M4VH", "M4VP", "3gp4", "3gp5", "3gp6", "3gp7", "3gp8", "3g2a", "3g2b", "3g2c", "mmp4",
            "MSNV", "f4v ", "XAVC", "CAEP", "NDAS");
    private static final Set<String> QUICKTIME_ATOMS = Set.of("moov", "mdat", "wide", "free", "skip", "pnot");
    private static final int EBML_DOC_TYPE = 0x4282;

    private Sniffer() {}

    public static Optional<MediaFormat> sniff(byte[] head, int length) {
        return Optional.ofNullable(detect(new Bytes(head, length)));
    }

    public static Optional<MediaFormat> sniff(Path file) throws IOException {
        byte[] head = readHead(file);
        return sniff(head, head.length);
    }

    /** The first {@link #HEAD_BYTES} bytes of a file, fewer if it is shorter. */
    public static byte[] readHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        }
    }

    /** The accepted formats in plain words, for error messages. */
    public static String acceptedFormats() {
        return "videos in " + labels(MediaKind.VIDEO) + "; images in " + labels(MediaKind.IMAGE) + "; audio in "
                + labels(MediaKind.AUDIO) + ".";
    }

    /**
     * The codec whose header opens an Ogg file (opus, vorbis, flac, speex or theora), if the first page tells.
     * Probing gives the same answer with certainty; this is for deciding before probing.
     */
    public static Optional<String> oggCodec(byte[] head, int length) {
        Bytes b = new Bytes(head, length);
        if (!isOgg(b) || !b.has(26, 1)) {
            return Optional.empty();
        }
        int packet = 27 + b.u8(26);
        if (b.isAscii(packet, "OpusHead")) {
            return Optional.of("opus");
        }
        if (b.startsWith(packet, 0x01) && b.isAscii(packet + 1, "vorbis")) {
            return Optional.of("vorbis");
        }
        if (b.startsWith(packet, 0x7F) && b.isAscii(packet + 1, "FLAC")) {
            return Optional.of("flac");
        }
        if (b.isAscii(packet, "Speex   ")) {
            return Optional.of("speex");
        }
        if (b.startsWith(packet, 0x80) && b.isAscii(packet + 1, "theora")) {
            return Optional.of("theora");
        }
        return Optional.empty();
    }

    private static String labels(String kind) {
        return Arrays.stream(MediaFormat.values())
                .filter(format -> format.kind().equals(kind))
                .map(MediaFormat::label)
                .collect(Collectors.joining(", "));
    }

    private static MediaFormat detect(Bytes b) {
        if (b.isAscii(4, "ftyp")) {
            return isoBmff(b);
        }
        if (isQuickTimeAtom(b)) {
            return MediaFormat.MOV;
        }
        if (b.startsWith(0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return matroska(b);
        }
        if (b.isAscii(0, "RIFF") || b.isAscii(0, "RF64")) {
            return riff(b);
        }
        if (isOgg(b)) {
            return MediaFormat.OGG;
        }
        if (b.isAscii(0, "fLaC")) {
            return MediaFormat.FLAC;
        }
        if (b.startsWith(0, 0xFF, 0xD8, 0xFF)) {
            return MediaFormat.JPEG;
        }
        if (b.startsWith(0, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return MediaFormat.PNG;
        }
        if (b.isAscii(0, "GIF87a") || b.isAscii(0, "GIF89a")) {
            return MediaFormat.GIF;
        }
        if (b.isAscii(0, "ID3")) {
            return AudioFrames.afterId3(b);
        }
        MediaFormat audio = AudioFrames.at(b, 0);
        if (audio != null) {
            return audio;
        }
        return isHevcAnnexB(b) ? MediaFormat.HEVC : null;
    }

    private static MediaFormat isoBmff(Bytes b) {
        if (!b.has(8, 4)) {
            return null;
        }
        String major = b.ascii(8, 4);
        long size = b.u32(0);
        int end = (int) Math.min(size < 16 ? 16 : size, Math.min(b.length(), 1024));
        Set<String> brands = new HashSet<>();
        brands.add(major);
        for (int at = 16; at + 4 <= end; at += 4) {
            brands.add(b.ascii(at, 4));
        }
        if (major.equals("qt  ")) {
            return MediaFormat.MOV;
        }
        if (AUDIO_BRANDS.contains(major)) {
            return MediaFormat.M4A;
        }
        if (AVIF_BRANDS.contains(major)) {
            return null;
        }
        boolean heif = HEIF_BRANDS.contains(major)
                || !VIDEO_BRANDS.contains(major) && brands.stream().anyMatch(HEIF_BRANDS::contains);
        if (heif) {
            boolean avifOnly = brands.stream().anyMatch(AVIF_BRANDS::contains)
                    && brands.stream().noneMatch(HEVC_HEIF_BRANDS::contains);
            return avifOnly ? null : MediaFormat.HEIC;
        }
        return MediaFormat.MP4;
    }

    private static boolean isQuickTimeAtom(Bytes b) {
        if (!b.has(0, 8) || !QUICKTIME_ATOMS.contains(b.ascii(4, 4))) {
            return false;
        }
        long size = b.u32(0);
        return size >= 8 || size == 1 && b.isAscii(4, "mdat");
    }

    private static MediaFormat matroska(Bytes b) {
        int at = 4;
        long headerSize = vint(b, at, true);
        if (headerSize < 0) {
            return null;
        }
        at += vintLength(b, at);
        long end = Math.min(b.length(), at + headerSize);
        while (at < end) {
            long id = vint(b, at, false);
            if (id < 0) {
                return null;
            }
            at += vintLength(b, at);
            long size = vint(b, at, true);
            if (size < 0) {
                return null;
            }
            at += vintLength(b, at);
            if (id == EBML_DOC_TYPE) {
                if (size > 64 || !b.has(at, size)) {
                    return null;
                }
                String docType = b.ascii(at, (int) size).replace("\0", "");
                return switch (docType) {
                    case "matroska" -> MediaFormat.MKV;
                    case "webm" -> MediaFormat.WEBM;
                    default -> null;
                };
            }
            if (size > end - at) {
                return null;
            }
            at += (int) size;
        }
        return null;
    }

    /**
     * Reads an EBML variable-length integer: the value without its length marker for sizes, with it for element IDs.
     * Returns -1 when it is not there or malformed.
     */
    private static long vint(Bytes b, int at, boolean stripMarker) {
        int length = vintLength(b, at);
        if (length == 0 || !b.has(at, length) || !stripMarker && length > 4) {
            return -1;
        }
        long value = stripMarker ? b.u8(at) & (0xFF >> length) : b.u8(at);
        for (int i = 1; i < length; i++) {
            value = value << 8 | b.u8(at + i);
        }
        return value;
    }

    private static int vintLength(Bytes b, int at) {
        if (!b.has(at, 1) || b.u8(at) == 0) {
            return 0;
        }
        return Integer.numberOfLeadingZeros(b.u8(at)) - 23;
    }

    private static MediaFormat riff(Bytes b) {
        if (b.isAscii(8, "WAVE")) {
            return MediaFormat.WAV;
        }
        if (b.isAscii(0, "RIFF") && b.isAscii(8, "WEBP")) {
            return MediaFormat.WEBP;
        }
        return null;
    }

    private static boolean isOgg(Bytes b) {
        // version 0, and the first page starts a logical stream
        return b.isAscii(0, "OggS") && b.has(5, 1) && b.u8(4) == 0 && (b.u8(5) & 0x02) != 0;
    }

    /** A raw H.265 stream opens with a start code and a VPS, SPS, PPS or access unit delimiter of layer 0. */
    private static boolean isHevcAnnexB(Bytes b) {
        int nal = b.startsWith(0, 0, 0, 0, 1) ? 4 : b.startsWith(0, 0, 0, 1) ? 3 : -1;
        if (nal < 0 || !b.has(nal, 2)) {
            return false;
        }
        int first = b.u8(nal);
        int second = b.u8(nal + 1);
        int type = (first >> 1) & 0x3F;
        boolean baseLayer = (first & 0x01) == 0 && (second & 0xF8) == 0;
        return (first & 0x80) == 0 && type >= 32 && type <= 35 && baseLayer && (second & 0x07) != 0;
    }
}
