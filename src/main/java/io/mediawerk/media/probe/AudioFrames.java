package io.mediawerk.media.probe;

/** Raw audio streams told by their frames: ADTS (AAC) and MPEG audio layer III, also behind an ID3v2 tag. */
final class AudioFrames {

    private static final int[] MP3_BITRATES_V1 = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    private static final int[] MP3_BITRATES_V2 = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    private static final int[] MP3_SAMPLE_RATES_V1 = {44100, 48000, 32000};

    private AudioFrames() {}

    /** An ID3v2 tag usually opens an MP3, but AAC and FLAC files may carry one too: look past it. */
    static MediaFormat afterId3(Bytes b) {
        if (!b.has(0, 10) || b.u8(3) < 2 || b.u8(3) > 4) {
            return null;
        }
        long size = 0;
        for (int i = 6; i < 10; i++) {
            if (b.u8(i) >= 0x80) {
                return null;
            }
            size = size << 7 | b.u8(i);
        }
        long end = 10 + size + ((b.u8(5) & 0x10) != 0 ? 10 : 0);
        if (end > Integer.MAX_VALUE - 16 || !b.has(end, 4)) {
            return MediaFormat.MP3;
        }
        if (b.isAscii((int) end, "fLaC")) {
            return MediaFormat.FLAC;
        }
        MediaFormat frames = at(b, (int) end);
        return frames == null ? MediaFormat.MP3 : frames;
    }

    /** AAC or MP3 when two frames follow each other from here, or one fills the rest of the head. */
    static MediaFormat at(Bytes b, int at) {
        int adts = adtsFrameLength(b, at);
        if (adts > 0 && (!b.has(at + adts, 2) || adtsFrameLength(b, at + adts) > 0)) {
            return MediaFormat.AAC;
        }
        int mp3 = mp3FrameLength(b, at);
        if (mp3 > 0 && (!b.has(at + mp3, 4) || mp3FrameLength(b, at + mp3) > 0)) {
            return MediaFormat.MP3;
        }
        return null;
    }

    /** The length of the ADTS (AAC) frame starting here, or -1 if none does. */
    private static int adtsFrameLength(Bytes b, int at) {
        if (!b.has(at, 7) || b.u8(at) != 0xFF || (b.u8(at + 1) & 0xF6) != 0xF0) {
            return -1;
        }
        int sampleRateIndex = (b.u8(at + 2) >> 2) & 0x0F;
        int length = (b.u8(at + 3) & 0x03) << 11 | b.u8(at + 4) << 3 | b.u8(at + 5) >> 5;
        return sampleRateIndex < 13 && length >= 7 ? length : -1;
    }

    /** The length of the MPEG audio layer III frame starting here, or -1 if none does. */
    private static int mp3FrameLength(Bytes b, int at) {
        if (!b.has(at, 4) || b.u8(at) != 0xFF || (b.u8(at + 1) & 0xE0) != 0xE0) {
            return -1;
        }
        int version = (b.u8(at + 1) >> 3) & 0x03;
        int layer = (b.u8(at + 1) >> 1) & 0x03;
        int bitrateIndex = b.u8(at + 2) >> 4;
        int sampleRateIndex = (b.u8(at + 2) >> 2) & 0x03;
        int padding = (b.u8(at + 2) >> 1) & 0x01;
        if (version == 1 || layer != 1 || bitrateIndex == 0 || bitrateIndex == 15 || sampleRateIndex == 3) {
            return -1;
        }
        boolean mpeg1 = version == 3;
        int sampleRate = MP3_SAMPLE_RATES_V1[sampleRateIndex] >> (mpeg1 ? 0 : version == 2 ? 1 : 2);
        int bitrate = (mpeg1 ? MP3_BITRATES_V1 : MP3_BITRATES_V2)[bitrateIndex] * 1000;
        return (mpeg1 ? 144 : 72) * bitrate / sampleRate + padding;
    }
}
