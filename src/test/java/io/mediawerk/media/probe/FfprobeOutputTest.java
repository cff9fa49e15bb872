package io.mediawerk.media.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decisions taken from ffprobe's JSON, on samples written by hand. */
class FfprobeOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"side_data_list\": [{\"side_data_type\": \"Display Matrix\", \"rotation\": -90}]} | 1080 | 1920",
                "{\"side_data_list\": [{\"side_data_type\": \"Display Matrix\", \"rotation\": 90}]}  | 1080 | 1920",
                "{\"side_data_list\": [{\"side_data_type\": \"Display Matrix\", \"rotation\": 270}]} | 1080 | 1920",
                "{\"side_data_list\": [{\"side_data_type\": \"Display Matrix\", \"rotation\": -180}]}| 1920 | 1080",
                "{\"side_data_list\": [{\"side_data_type\": \"Display Matrix\", \"rotation\": 0}]}   | 1920 | 1080",
                "{\"tags\": {\"rotate\": \"90\"}}                                                     | 1080 | 1920",
                "{\"tags\": {\"rotate\": \"-270\"}}                                                   | 1080 | 1920",
                "{\"tags\": {\"rotate\": \"sideways\"}}                                               | 1920 | 1080",
                "{}                                                                                   | 1920 | 1080"
            })
    void givesTheDisplayedSizeOfARotatedVideo(String extra, int width, int height) throws Exception {
        ObjectNode stream = (ObjectNode) JSON.readTree("{\"codec_type\": \"video\", \"codec_name\": \"h264\", "
                + "\"width\": 1920, \"height\": 1080, \"avg_frame_rate\": \"30000/1001\"}");
        stream.setAll((ObjectNode) JSON.readTree(extra));
        ObjectNode root = (ObjectNode) JSON.readTree("{\"format\": {\"duration\": \"2.5\", \"bit_rate\": \"800000\"}}");
        root.putArray("streams").add(stream);

        ProbeResult result = FfprobeOutput.toResult(root, MediaFormat.MP4);

        assertThat(result.width()).isEqualTo(width);
        assertThat(result.height()).isEqualTo(height);
        assertThat(result.fps()).isCloseTo(29.97, within(0.001));
        assertThat(result.duration()).isEqualTo(2.5);
        assertThat(result.bitrate()).isEqualTo(800_000L);
    }

    @Test
    void coverArtDoesNotMakeAVideo() throws Exception {
        ProbeResult result = FfprobeOutput.toResult(json("""
                {"streams": [
                  {"codec_type": "audio", "codec_name": "aac"},
                  {"codec_type": "video", "codec_name": "mjpeg", "width": 600, "height": 600,
                   "disposition": {"default": 0, "attached_pic": 1}}],
                 "format": {"duration": "180.2", "bit_rate": "256000"}}"""), MediaFormat.M4A);

        assertThat(result)
                .isEqualTo(
                        new ProbeResult("audio", "audio/mp4", "m4a", null, "aac", null, null, 180.2, null, 256_000L));
    }

    @Test
    void audioAloneInAVideoContainerIsAudio() throws Exception {
        String audioOnly = """
                {"streams": [{"codec_type": "audio", "codec_name": "opus"}], "format": {"duration": "3"}}""";

        assertThat(FfprobeOutput.toResult(json(audioOnly), MediaFormat.MKV).mimeType())
                .isEqualTo("audio/x-matroska");
        assertThat(FfprobeOutput.toResult(json(audioOnly), MediaFormat.WEBM).mimeType())
                .isEqualTo("audio/webm");
        assertThat(FfprobeOutput.toResult(json(audioOnly), MediaFormat.MOV).mimeType())
                .isEqualTo("audio/mp4");
        assertThat(FfprobeOutput.toResult(json(audioOnly), MediaFormat.OGG).mimeType())
                .isEqualTo("audio/opus");
        assertThat(FfprobeOutput.toResult(json(audioOnly), MediaFormat.MKV).kind())
                .isEqualTo(MediaKind.AUDIO);
    }

    @Test
    void videoInAnOggFileIsVideo() throws Exception {
        ProbeResult result = FfprobeOutput.toResult(json("""
                {"streams": [
                  {"codec_type": "video", "codec_name": "theora", "width": 320, "height": 240,
                   "avg_frame_rate": "0/0", "r_frame_rate": "25/1"},
                  {"codec_type": "audio", "codec_name": "vorbis"}],
                 "format": {"duration": "4.0", "size": "100000"}}"""), MediaFormat.OGG);

        assertThat(result)
                .isEqualTo(new ProbeResult(
                        "video", "video/ogg", "ogg", "theora", "vorbis", 320, 240, 4.0, 25.0, 200_000L));
    }

    @Test
    void prefersTheDefaultStream() throws Exception {
        ProbeResult result = FfprobeOutput.toResult(json("""
                {"streams": [
                  {"codec_type": "audio", "codec_name": "mp3", "disposition": {"default": 0}},
                  {"codec_type": "audio", "codec_name": "aac", "disposition": {"default": 1}}],
                 "format": {}}"""), MediaFormat.MKV);

        assertThat(result.audioCodec()).isEqualTo("aac");
        assertThat(result.duration()).isNull();
        assertThat(result.bitrate()).isNull();
    }

    @Test
    void ignoresNonsenseNumbers() throws Exception {
        ProbeResult result = FfprobeOutput.toResult(json("""
                {"streams": [{"codec_type": "video", "codec_name": "h264", "width": 0, "height": -4,
                              "avg_frame_rate": "0/0", "r_frame_rate": "90000/1", "duration": "N/A"}],
                 "format": {"duration": "-1", "bit_rate": "NaN", "size": "1000"}}"""), MediaFormat.MP4);

        assertThat(result.kind()).isEqualTo(MediaKind.VIDEO);
        assertThat(result.width()).isNull();
        assertThat(result.height()).isNull();
        assertThat(result.fps()).isNull();
        assertThat(result.duration()).isNull();
        assertThat(result.bitrate()).isNull();
    }

    @Test
    void aRawStreamGetsItsDurationFromItsFrameCount() throws Exception {
        ProbeResult result = FfprobeOutput.toResult(json("""
                {"streams": [{"codec_type": "video", "codec_name": "hevc", "width": 64, "height": 48,
                              "avg_frame_rate": "25/1", "nb_read_packets": "50"}],
                 "format": {"size": "10000"}}"""), MediaFormat.HEVC);

        assertThat(result.duration()).isEqualTo(2.0);
        assertThat(result.bitrate()).isEqualTo(40_000L);
    }

    @Test
    void imagesHaveNoTimeOrCodec() throws Exception {
        ProbeResult result = FfprobeOutput.toResult(json("""
                {"streams": [{"codec_type": "video", "codec_name": "gif", "width": 10, "height": 20,
                              "avg_frame_rate": "10/1"}],
                 "format": {"duration": "0.5", "bit_rate": "1000"}}"""), MediaFormat.GIF);

        assertThat(result)
                .isEqualTo(new ProbeResult("image", "image/gif", "gif", null, null, 10, 20, null, null, null));
    }

    @Test
    void nothingToPlayIsNoMediaStreams() {
        for (String json : new String[] {
            "{}",
            "{\"streams\": []}",
            "{\"streams\": [{\"codec_type\": \"data\"}, {\"codec_type\": \"subtitle\"}]}",
            "{\"streams\": [{\"codec_type\": \"video\", \"disposition\": {\"attached_pic\": 1}}]}"
        }) {
            ProbeException e = catchThrowableOfType(
                    ProbeException.class, () -> FfprobeOutput.toResult(json(json), MediaFormat.MP4));

            assertThat(e.code()).as(json).isEqualTo(ProbeException.NO_MEDIA_STREAMS);
            assertThat(e.getMessage()).isEqualTo("The MP4 file holds no audio or video that Mediawerk can read.");
        }
        ProbeException e = catchThrowableOfType(
                ProbeException.class, () -> FfprobeOutput.toResult(json("{\"streams\": []}"), MediaFormat.PNG));
        assertThat(e.getMessage()).isEqualTo("The PNG file holds no picture that Mediawerk can read.");
    }

    @Test
    void readsFrameRates() {
        assertThat(FfprobeOutput.rate("30000/1001")).isCloseTo(29.97, within(0.001));
        assertThat(FfprobeOutput.rate("25/1")).isEqualTo(25.0);
        assertThat(FfprobeOutput.rate("24")).isEqualTo(24.0);
        assertThat(FfprobeOutput.rate("0/0")).isNull();
        assertThat(FfprobeOutput.rate("1/0")).isNull();
        assertThat(FfprobeOutput.rate("")).isNull();
        assertThat(FfprobeOutput.rate("a/b")).isNull();
        assertThat(FfprobeOutput.rate("90000/1")).isNull();
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
