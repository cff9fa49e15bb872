package io.mediawerk.transform.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediawerk.ffmpeg.ProcessRunner;
import io.mediawerk.transform.plan.MediaPlaylist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An H.265 copy is kept only when a segment decodes on its own: closed groups of pictures do, x265's open ones not. */
class SegmentsOnTheirOwnTest {

    @TempDir
    Path temp;

    @Test
    void closedGroupsOfPicturesDecodeOnTheirOwnAndOpenOnesDoNot() throws IOException {
        assertThat(SegmentsOnTheirOwn.refusal(temp.resolve("closed"), copied("closed", ":open-gop=0")))
                .isNull();
        assertThat(SegmentsOnTheirOwn.refusal(temp.resolve("open"), copied("open", "")))
                .contains("open groups of pictures");
    }

    /** A 9 s H.265 clip with a keyframe every 2 s, copied into fragmented-MP4 HLS in {@code temp/name}. */
    private MediaPlaylist copied(String name, String x265) throws IOException {
        Path clip = temp.resolve(name + ".mp4");
        run(List.of(
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=320x240:rate=25:duration=9",
                "-c:v",
                "libx265",
                "-preset",
                "ultrafast",
                "-x265-params",
                "log-level=error:keyint=50" + x265,
                "-pix_fmt",
                "yuv420p",
                clip.toString()));
        Path folder = Files.createDirectories(temp.resolve(name));
        run(List.of(
                "-i",
                clip.toString(),
                "-c:v",
                "copy",
                "-tag:v",
                "hvc1",
                "-f",
                "hls",
                "-hls_time",
                "4",
                "-hls_playlist_type",
                "vod",
                "-hls_segment_type",
                "fmp4",
                "-hls_fmp4_init_filename",
                "init.mp4",
                "-hls_segment_filename",
                folder.resolve("seg_%03d.m4s").toString(),
                folder.resolve("index.m3u8").toString()));
        MediaPlaylist playlist = MediaPlaylist.parse(Files.readString(folder.resolve("index.m3u8")));
        assertThat(playlist.segments()).hasSizeGreaterThan(1);
        return playlist;
    }

    private static void run(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-y"));
        command.addAll(arguments);
        assertThat(ProcessRunner.run(command, Duration.ofMinutes(1), 1024).succeeded())
                .as(String.join(" ", command))
                .isTrue();
    }
}
