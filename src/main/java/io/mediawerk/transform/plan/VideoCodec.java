package io.mediawerk.transform.plan;

import java.util.ArrayList;
import java.util.List;

/** The video encoders, each with its quality scale (a CRF) and the smallest picture it encodes. */
enum VideoCodec {
    H264("h264", 40, 16, 2),
    H265("h265", 44, 20, 16),
    VP9("vp9", 55, 15, 2),
    AV1("av1", 55, 18, 64);

    private final String id;
    private final int worstCrf;
    private final int bestCrf;
    private final int minSide;

    VideoCodec(String id, int worstCrf, int bestCrf, int minSide) {
        this.id = id;
        this.worstCrf = worstCrf;
        this.bestCrf = bestCrf;
        this.minSide = minSide;
    }

    String id() {
        return id;
    }

    /** How ffprobe names the codec. */
    String probeName() {
        return this == H265 ? "hevc" : id;
    }

    /** The smallest width or height the encoder accepts. */
    int minSide() {
        return minSide;
    }

    static VideoCodec of(String id) {
        for (VideoCodec codec : values()) {
            if (codec.id.equals(id)) {
                return codec;
            }
        }
        throw new IllegalArgumentException("Unknown video codec " + id);
    }

    int crf(int quality) {
        return Quality.scale(quality, worstCrf, bestCrf);
    }

    /** The encoder options, 4:2:0 8-bit for every player. */
    List<String> encoderOptions(int quality, int threads) {
        String crf = Integer.toString(crf(quality));
        List<String> options = new ArrayList<>(
                switch (this) {
                    case H264 -> List.of("-c:v", "libx264", "-preset", "veryfast", "-crf", crf);
                    case H265 ->
                        List.of(
                                "-c:v",
                                "libx265",
                                "-preset",
                                "veryfast",
                                "-crf",
                                crf,
                                "-x265-params",
                                x265Params(threads),
                                "-tag:v",
                                "hvc1");
                    case VP9 ->
                        List.of(
                                "-c:v",
                                "libvpx-vp9",
                                "-crf",
                                crf,
                                "-b:v",
                                "0",
                                "-deadline",
                                "good",
                                "-cpu-used",
                                "4",
                                "-row-mt",
                                "1");
                    case AV1 ->
                        List.of("-c:v", "libsvtav1", "-preset", "8", "-crf", crf, "-svtav1-params", "lp=" + threads);
                });
        options.addAll(List.of("-pix_fmt", "yuv420p"));
        return options;
    }

    /**
     * libx265 logs to stderr on its own and sizes its thread pool itself unless told; forced keyframes (HLS segment
     * starts) must be IDR frames.
     */
    static String x265Params(int threads) {
        return "log-level=error:pools=" + threads + ":forced-idr=1";
    }
}
