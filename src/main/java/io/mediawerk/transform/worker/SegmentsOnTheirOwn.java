package io.mediawerk.transform.worker;

import io.mediawerk.ffmpeg.ProcessResult;
import io.mediawerk.ffmpeg.ProcessRunner;
import io.mediawerk.transform.plan.HlsPlan;
import io.mediawerk.transform.plan.MediaPlaylist;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Whether a copied fragmented-MP4 rendition's segments decode on their own, as a player starting mid-stream or
 * switching rungs needs. An open group of pictures does not: an H.265 CRA keyframe's leading pictures refer to the
 * segment before and are dropped. Checked on the second segment (an encoder keeps its structure): every packet read
 * must come out as a frame.
 */
final class SegmentsOnTheirOwn {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private SegmentsOnTheirOwn() {}

    /** Why the rendition in {@code folder} may not be kept; null when it may. */
    static String refusal(Path folder, MediaPlaylist playlist) {
        if (playlist.segments().size() < 2) {
            return null;
        }
        // read as a player reads it: the init file, then the segment (ffmpeg's concat protocol joins the bytes)
        String joined = "concat:" + folder.resolve(HlsPlan.INIT) + "|"
                + folder.resolve(playlist.segments().get(1).uri());
        ProcessResult counted = ProcessRunner.run(
                List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-count_frames",
                        "-count_packets",
                        "-select_streams",
                        "v:0",
                        "-show_entries",
                        "stream=nb_read_frames,nb_read_packets",
                        "-of",
                        "csv=p=0",
                        joined),
                TIMEOUT,
                1024);
        String[] numbers = counted.stdoutText().strip().split(",");
        boolean whole = counted.succeeded()
                && counted.stderrTail().isBlank()
                && numbers.length == 2
                && numbers[0].equals(numbers[1]);
        return whole ? null : "its keyframes open groups of pictures that do not decode on their own";
    }
}
