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

/** Runs the stages of HLS ladders and checks the playlists: every URI relative, every file they name present. */
class HlsExecutionTest {

    @TempDir
    Path temp;

    @Test
    void aCopiedFirstRungAndTheRestCutWhereTheCopyCuts() throws IOException {
        HlsPlan.Start start = copyThenRest(Samples.wideClip(), Map.of("format", "hls"));

        assertThat(start.left()).extracting(HlsPlan.Rung::folder).containsExactly("v1");
        assertEveryPlaylistIsRelativeAndComplete(temp);
        assertThat(uris(temp.resolve("v1/index.m3u8"))).allMatch(uri -> uri.matches("seg_\\d{3}\\.ts"));
        Probed top = Probed.of(temp.resolve("v0/index.m3u8"), temp);
        assertThat(top.videoCodec()).isEqualTo("h264");
        assertThat(top.size()).isEqualTo("640x360");
        assertThat(top.audioCodec()).isEqualTo("aac");
        assertThat(top.duration()).isCloseTo(2.0, within(0.3));
        assertThat(Probed.of(temp.resolve("v1/index.m3u8"), temp).size()).isEqualTo("426x240");
    }

    @Test
    void anH265InputIsCopiedIntoFragmentedMp4ForAnH265Ladder() throws IOException {
        copyThenRest(Samples.wideH265Clip(), Map.of("format", "hls", "codec", "h265"));

        assertEveryPlaylistIsRelativeAndComplete(temp);
        for (String rung : List.of("v0", "v1")) {
            assertThat(uris(temp.resolve(rung + "/index.m3u8")))
                    .anyMatch(uri -> uri.equals("init.mp4"))
                    .anyMatch(uri -> uri.endsWith(".m4s"));
            Probed probed = Probed.of(temp.resolve(rung + "/index.m3u8"), temp);
            assertThat(probed.videoCodec()).as(rung).isEqualTo("hevc");
            assertThat(probed.video().path("codec_tag_string").asText())
                    .as(rung)
                    .isEqualTo("hvc1");
            assertThat(probed.audioCodec()).as(rung).isEqualTo("aac");
            assertThat(probed.duration()).as(rung).isCloseTo(2.0, within(0.3));
        }
        assertThat(Probed.of(temp.resolve("v0/index.m3u8"), temp).size()).isEqualTo("640x360");
        assertThat(Probed.of(temp.resolve("v1/index.m3u8"), temp).size()).isEqualTo("426x240");
    }

    @Test
    void h265GoesToFragmentedMp4() throws IOException {
        Samples.Sample clip = Samples.shortClip();
        TransformSpec spec = new TransformSpec("video", Map.of("format", "hls", "codec", "h265", "audio", false));
        HlsPlan.Start start =
                HlsPlan.start(spec, clip.facts(), clip.path(), temp, 2, new CopyGate.Decision(false, false, "H.265"));
        folders(start.rung());
        Programs.runOrFail(start.step().command(), temp);

        assertThat(start.left()).isEmpty();
        assertEveryPlaylistIsRelativeAndComplete(temp);
        assertThat(uris(temp.resolve("v0/index.m3u8")))
                .anyMatch(uri -> uri.equals("init.mp4"))
                .anyMatch(uri -> uri.endsWith(".m4s"));
        Probed probed = Probed.of(temp.resolve("v0/index.m3u8"), temp);
        assertThat(probed.videoCodec()).isEqualTo("hevc");
        assertThat(probed.video().path("codec_tag_string").asText()).isEqualTo("hvc1");
        assertThat(probed.size()).isEqualTo("320x240");
        assertThat(probed.hasAudio()).isFalse();
    }

    /** Runs a ladder's two stages into {@code temp}: a copy of the sample, then the other rungs cut where it cuts. */
    private HlsPlan.Start copyThenRest(Samples.Sample sample, Map<String, Object> options) throws IOException {
        TransformSpec spec = new TransformSpec("video", options);
        HlsPlan.Start start =
                HlsPlan.start(spec, sample.facts(), sample.path(), temp, 2, new CopyGate.Decision(true, true, null));
        folders(start.rung());
        Programs.runOrFail(start.step().command(), temp);
        MediaPlaylist copy =
                MediaPlaylist.parse(Files.readString(temp.resolve(start.rung().playlist())));
        folders(start.left().toArray(HlsPlan.Rung[]::new));
        Programs.runOrFail(
                HlsPlan.rest(spec, sample.facts(), sample.path(), temp, 2, start.left(), copy.cuts())
                        .command(),
                temp);
        return start;
    }

    private void folders(HlsPlan.Rung... rungs) throws IOException {
        for (HlsPlan.Rung rung : rungs) {
            Files.createDirectories(temp.resolve(rung.folder()));
        }
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
