package io.mediawerk.transform.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs HLS plans and checks the playlists: every URI relative, every file they name present. */
class HlsExecutionTest {

    @TempDir
    Path temp;

    @Test
    void h264LadderOfTwoRenditions() throws IOException {
        Transforms.Done done = Transforms.run("video", "{\"format\":\"hls\"}", Samples.wideClip(), temp);
        Output output = done.plan().output();

        assertThat(output.mainFile()).isEqualTo("master.m3u8");
        assertThat(output.probeFile()).isEqualTo("v0/index.m3u8");
        assertThat(output.multiFile()).isTrue();
        assertThat(output.mimeType()).isEqualTo("application/vnd.apple.mpegurl");
        assertThat(output.metadata().get("renditions"))
                .isEqualTo(List.of(
                        Map.of("width", 640, "height", 360, "bitrate", 800_000, "playlist", "v0/index.m3u8"),
                        Map.of("width", 426, "height", 240, "bitrate", 400_000, "playlist", "v1/index.m3u8")));
        assertThat(uris(done.main())).containsExactly("v0/index.m3u8", "v1/index.m3u8");
        assertThat(Files.readString(done.main())).contains("RESOLUTION=640x360", "RESOLUTION=426x240");
        assertEveryPlaylistIsRelativeAndComplete(done.outputDir());
        assertThat(uris(done.file("v0/index.m3u8"))).allMatch(uri -> uri.matches("seg_\\d{3}\\.ts"));

        Probed top = done.probe();
        assertThat(top.videoCodec()).isEqualTo("h264");
        assertThat(top.size()).isEqualTo("640x360");
        assertThat(top.audioCodec()).isEqualTo("aac");
        assertThat(top.duration()).isCloseTo(2.0, within(0.3));
        assertThat(done.probe("v1/index.m3u8").size()).isEqualTo("426x240");
    }

    @Test
    void h265GoesToFragmentedMp4() throws IOException {
        Transforms.Done done = Transforms.run(
                "video", "{\"format\":\"hls\",\"codec\":\"h265\",\"audio\":false}", Samples.shortClip(), temp);

        assertEveryPlaylistIsRelativeAndComplete(done.outputDir());
        // ffmpeg names the init file init.mp4 for one rendition, init_<n>.mp4 for several
        assertThat(uris(done.file("v0/index.m3u8")))
                .anyMatch(uri -> uri.matches("init(_0)?\\.mp4"))
                .anyMatch(uri -> uri.endsWith(".m4s"));
        Probed probed = done.probe();
        assertThat(probed.videoCodec()).isEqualTo("hevc");
        assertThat(probed.video().path("codec_tag_string").asText()).isEqualTo("hvc1");
        assertThat(probed.size()).isEqualTo("320x240");
        assertThat(probed.hasAudio()).isFalse();
    }

    /** Every playlist names only relative URIs of files that exist, and no absolute path appears in any of them. */
    static void assertEveryPlaylistIsRelativeAndComplete(Path outputDir) throws IOException {
        List<Path> playlists;
        try (Stream<Path> files = Files.walk(outputDir)) {
            playlists = files.filter(file -> file.toString().endsWith(".m3u8")).toList();
        }
        assertThat(playlists).isNotEmpty();
        for (Path playlist : playlists) {
            String text = Files.readString(playlist);
            assertThat(text)
                    .as(playlist.toString())
                    .doesNotContain(outputDir.toString())
                    .doesNotContain("://");
            for (String uri : uris(playlist)) {
                assertThat(uri).as(playlist + " names " + uri).doesNotStartWith("/");
                assertThat(playlist.resolveSibling(uri))
                        .as(playlist + " names " + uri)
                        .isRegularFile();
            }
        }
    }

    /** The URIs a playlist names: its lines that are not tags, and the URI attributes of its tags. */
    static List<String> uris(Path playlist) throws IOException {
        List<String> uris = new ArrayList<>();
        for (String line : Files.readAllLines(playlist)) {
            if (line.isBlank()) {
                continue;
            }
            if (!line.startsWith("#")) {
                uris.add(line.strip());
            } else if (line.contains("URI=\"")) {
                int start = line.indexOf("URI=\"") + 5;
                uris.add(line.substring(start, line.indexOf('"', start)));
            }
        }
        return uris;
    }
}
