package io.mediawerk.transform.plan;

/** The HLS segmenter's arguments for one rung: where its segments and playlist go, and how they are cut. */
final class HlsMuxer {

    private HlsMuxer() {}

    /**
     * The HLS muxer for a rung; {@code shift} is added to its timestamps ({@link HlsPlan#TIMESTAMP_HEADROOM} but for a join).
     * MPEG-TS segments start {@link HlsPlan#TIMESTAMP_HEADROOM} in, so that nothing is below zero and the muxer never shifts
     * one rendition alone by its own B-frame or audio priming delay: every rendition keeps the same timestamps.
     */
    static void add(FfmpegCommand command, Workspace workspace, HlsPlan.Rung rung, boolean fmp4, double shift) {
        if (!fmp4) {
            command.add("-output_ts_offset", Numbers.text(shift));
        }
        command.add(
                "-f",
                "hls",
                "-hls_time",
                Integer.toString(HlsPlan.SEGMENT_SECONDS),
                "-hls_playlist_type",
                "vod",
                "-hls_flags",
                "independent_segments");
        if (fmp4) {
            command.add("-hls_segment_type", "fmp4", "-hls_fmp4_init_filename", HlsPlan.INIT);
        }
        command.add(
                "-hls_segment_filename",
                workspace.output(rung.folder() + "/seg_%03d." + (fmp4 ? "m4s" : "ts")),
                workspace.output(rung.playlist()));
    }
}
