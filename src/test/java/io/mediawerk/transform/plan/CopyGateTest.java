package io.mediawerk.transform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When an HLS ladder may start with a stream copy of its input: only what every player decodes as it is. */
class CopyGateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InputFacts FULL_HD = new InputFacts("video", "mp4", "h264", "aac", 1920, 1080, 60.0, 30.0);
    private static final TransformSpec LADDER = new TransformSpec("video", Map.of("format", "hls"));

    @Test
    void playableH264WithAacIsCopied() {
        CopyGate.Decision decision = CopyGate.decide(LADDER, FULL_HD, streams(video("High", "yuv420p", ""), aac("LC")));
        assertThat(decision.copy()).isTrue();
        assertThat(decision.copyAudio()).isTrue();
        assertThat(decision.reason()).isNull();
    }

    @Test
    void audioThatIsNotAacLcOrMp3IsEncodedBesideTheCopiedVideo() {
        CopyGate.Decision decision = CopyGate.decide(
                LADDER,
                FULL_HD,
                streams(video("Main", "yuv420p", ""), "{\"codec_type\":\"audio\",\"codec_name\":\"opus\"}"));
        assertThat(decision.copy()).isTrue();
        assertThat(decision.copyAudio()).isFalse();
    }

    @Test
    void whatPlayersCannotDecodeOrWouldShowWrongIsEncoded() {
        assertThat(reason(streams(video("High 10", "yuv420p10le", "")))).contains("profile High 10");
        assertThat(reason(streams(video("High", "yuv420p10le", "")))).contains("not 8-bit 4:2:0");
        assertThat(reason(streams(video("High 4:4:4 Predictive", "yuv444p", ""))))
                .contains("profile");
        assertThat(reason(streams(video("High", "yuv420p", ",\"field_order\":\"tt\""))))
                .contains("interlaced");
        assertThat(reason(streams(video("High", "yuv420p", ",\"side_data_list\":[{\"rotation\":-90}]"))))
                .contains("rotated");
        assertThat(reason(streams(video("High", "yuv420p", ",\"tags\":{\"rotate\":\"90\"}"))))
                .contains("rotated");
        assertThat(
                        reason(
                                streams(
                                        "{\"codec_type\":\"video\",\"codec_name\":\"vp9\",\"pix_fmt\":\"yuv420p\",\"width\":1920,\"height\":1080}")))
                .contains("vp9");
        assertThat(reason(streams(aac("LC")))).isEqualTo("no video stream");
    }

    @Test
    void anH265LadderCopiesMainProfileH265FromMp4OrMov() {
        TransformSpec h265 = spec(Map.of("format", "hls", "codec", "h265"));
        InputFacts hevcMp4 = new InputFacts("video", "mp4", "hevc", "aac", 1920, 1080, 60.0, 30.0);
        CopyGate.Decision copied = CopyGate.decide(h265, hevcMp4, streams(hevc("Main", "yuv420p"), aac("LC")));
        assertThat(copied.copy()).isTrue();
        assertThat(copied.copyAudio()).isTrue();
        assertThat(CopyGate.sameCodec(h265, hevcMp4)).isTrue();
        assertThat(CopyGate.sameCodec(LADDER, hevcMp4)).isFalse();

        assertThat(CopyGate.decide(h265, hevcMp4, streams(hevc("Main 10", "yuv420p10le")))
                        .reason())
                .contains("profile Main 10");
        InputFacts hevcMkv = new InputFacts("video", "mkv", "hevc", null, 1920, 1080, 60.0, 30.0);
        assertThat(CopyGate.decide(h265, hevcMkv, streams(hevc("Main", "yuv420p")))
                        .reason())
                .contains("only from MP4 or MOV");
        assertThat(CopyGate.decide(LADDER, hevcMp4, streams(hevc("Main", "yuv420p")))
                        .reason())
                .isEqualTo("the video is hevc, not H.264");
        // MP3 is copied into MPEG-TS segments only
        String mp3 = "{\"codec_type\":\"audio\",\"codec_name\":\"mp3\"}";
        assertThat(CopyGate.decide(h265, hevcMp4, streams(hevc("Main", "yuv420p"), mp3))
                        .copyAudio())
                .isFalse();
        assertThat(CopyGate.decide(LADDER, FULL_HD, streams(video("High", "yuv420p", ""), mp3))
                        .copyAudio())
                .isTrue();
    }

    @Test
    void aPictureLargerThanTheTopRungIsEncoded() {
        String uhd = "{\"codec_type\":\"video\",\"codec_name\":\"h264\",\"profile\":\"High\","
                + "\"pix_fmt\":\"yuv420p\",\"width\":3840,\"height\":2160}";
        assertThat(reason(streams(uhd))).contains("larger than the ladder's top rung");
    }

    @Test
    void optionsThatChangeThePictureOrTheLengthMeanEncoding() {
        JsonNode streams = streams(video("High", "yuv420p", ""), aac("LC"));
        assertThat(CopyGate.decide(spec(Map.of("format", "hls", "codec", "h265")), FULL_HD, streams)
                        .reason())
                .isEqualTo("the video is h264, not H.265");
        assertThat(CopyGate.decide(spec(Map.of("format", "hls", "start", 2.0)), FULL_HD, streams)
                        .reason())
                .contains("trimmed");
        assertThat(CopyGate.decide(spec(Map.of("format", "hls", "width", 640)), FULL_HD, streams)
                        .reason())
                .contains("resized");
        assertThat(CopyGate.decide(spec(Map.of("format", "hls", "fps", 15.0)), FULL_HD, streams)
                        .reason())
                .contains("frame rate");
        assertThat(CopyGate.decide(spec(Map.of("format", "hls", "audio", false)), FULL_HD, streams)
                        .copy())
                .isTrue();
    }

    private static String reason(JsonNode streams) {
        CopyGate.Decision decision = CopyGate.decide(LADDER, FULL_HD, streams);
        assertThat(decision.copy()).isFalse();
        return decision.reason();
    }

    private static TransformSpec spec(Map<String, Object> options) {
        return new TransformSpec("video", options);
    }

    private static String video(String profile, String pixels, String more) {
        return "{\"codec_type\":\"video\",\"codec_name\":\"h264\",\"profile\":\"" + profile + "\",\"pix_fmt\":\""
                + pixels + "\",\"width\":1920,\"height\":1080,\"field_order\":\"progressive\"" + more + "}";
    }

    private static String hevc(String profile, String pixels) {
        return "{\"codec_type\":\"video\",\"codec_name\":\"hevc\",\"profile\":\"" + profile + "\",\"pix_fmt\":\""
                + pixels + "\",\"width\":1920,\"height\":1080}";
    }

    private static String aac(String profile) {
        return "{\"codec_type\":\"audio\",\"codec_name\":\"aac\",\"profile\":\"" + profile + "\"}";
    }

    private static JsonNode streams(String... streams) {
        try {
            return JSON.readTree("[" + String.join(",", streams) + "]");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
