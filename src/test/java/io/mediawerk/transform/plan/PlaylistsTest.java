package io.mediawerk.transform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the media playlists ffmpeg writes, and writing the master playlist players choose a rung from. */
class PlaylistsTest {

    @Test
    void aMediaPlaylistGivesItsSegmentsAndWhereEachStarts() {
        MediaPlaylist playlist = MediaPlaylist.parse("""
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-TARGETDURATION:5
                #EXT-X-MEDIA-SEQUENCE:0
                #EXT-X-PLAYLIST-TYPE:VOD
                #EXTINF:4.200000,
                seg_000.ts
                #EXTINF:4.200000,
                seg_001.ts
                #EXTINF:1.600000,
                seg_002.ts
                #EXT-X-ENDLIST
                """);
        assertThat(playlist.segments())
                .extracting(MediaPlaylist.Segment::uri)
                .containsExactly("seg_000.ts", "seg_001.ts", "seg_002.ts");
        assertThat(playlist.cuts()).containsExactly(4.2, 8.4);
        assertThat(playlist.longestSegment()).isEqualTo(4.2);
        assertThat(playlist.seconds()).isCloseTo(10.0, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void theMasterListsEveryRungHighestFirstWithWhatPlayersChooseBy() {
        String master = MasterPlaylist.write(List.of(
                new MasterPlaylist.Variant("v1/index.m3u8", 900_000, 700_000, 640, 360, 30.0, "avc1.64001E,mp4a.40.2"),
                new MasterPlaylist.Variant(
                        "v0/index.m3u8", 5_200_000, 4_000_000, 1920, 1080, 29.97, "avc1.640028,mp4a.40.2")));
        assertThat(master).isEqualTo("""
                #EXTM3U
                #EXT-X-VERSION:6
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-STREAM-INF:BANDWIDTH=5200000,AVERAGE-BANDWIDTH=4000000,RESOLUTION=1920x1080,FRAME-RATE=29.970,CODECS="avc1.640028,mp4a.40.2"
                v0/index.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=900000,AVERAGE-BANDWIDTH=700000,RESOLUTION=640x360,FRAME-RATE=30.000,CODECS="avc1.64001E,mp4a.40.2"
                v1/index.m3u8
                """);
    }

    @Test
    void codecsAreNamedAsRfc6381Wants() throws IOException {
        ObjectMapper json = new ObjectMapper();
        assertThat(MasterPlaylist.codecs(json.readTree("""
                [{"codec_name":"h264","profile":"High","level":40},{"codec_name":"aac","profile":"LC"}]"""))).isEqualTo("avc1.640028,mp4a.40.2");
        assertThat(MasterPlaylist.codecs(json.readTree("""
                [{"codec_name":"h264","profile":"Constrained Baseline","level":30}]"""))).isEqualTo("avc1.42E01E");
        assertThat(MasterPlaylist.codecs(json.readTree("""
                [{"codec_name":"hevc","profile":"Main","level":93},{"codec_name":"mp3"}]"""))).isEqualTo("hvc1.1.6.L93.B0,mp4a.40.34");
    }
}
