package io.mediawerk.transform.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TransformOptionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final InputFacts VIDEO = new InputFacts("video", "mp4", "h264", "aac", 1920, 1080, 10.0, 25.0);
    static final InputFacts SILENT = new InputFacts("video", "webm", "vp9", null, 640, 360, 10.0, 30.0);
    static final InputFacts IMAGE = new InputFacts("image", "jpeg", null, null, 800, 600, null, null);
    static final InputFacts AUDIO = new InputFacts("audio", "mp3", null, "mp3", null, null, 10.0, null);

    static Stream<Arguments> rejected() {
        return Stream.of(
                // kind against the input
                Arguments.of("video", "{}", IMAGE, "kind", "image"),
                Arguments.of("video", "{}", AUDIO, "kind", "audio"),
                Arguments.of("thumbnails", "{}", IMAGE, "kind", "Kinds that fit it: image"),
                Arguments.of("animation", "{}", AUDIO, "kind", "Kinds that fit it: audio"),
                Arguments.of("image", "{}", AUDIO, "kind", "audio"),
                Arguments.of("audio", "{}", IMAGE, "kind", "image"),
                Arguments.of("audio", "{}", SILENT, "kind", "without an audio track"),
                Arguments.of("subtitles", "{}", VIDEO, "kind", "video, image, audio, thumbnails, animation"),
                // wrong types
                Arguments.of("video", "{\"quality\":\"high\"}", VIDEO, "quality", "from 1 to 100"),
                Arguments.of("video", "{\"audio\":\"false\"}", VIDEO, "audio", "true or false"),
                Arguments.of("video", "{\"format\":5}", VIDEO, "format", "mp4, webm, mov, hls"),
                Arguments.of("video", "{\"start\":\"1\"}", VIDEO, "start", "number"),
                Arguments.of("video", "{\"width\":\"160\"}", VIDEO, "width", "percentage"),
                Arguments.of("video", "{\"width\":[160]}", VIDEO, "width", "pixels"),
                // impossible combinations and values out of range
                Arguments.of("video", "{\"format\":\"webm\",\"codec\":\"h264\"}", VIDEO, "codec", "vp9 or av1"),
                Arguments.of("video", "{\"format\":\"hls\",\"codec\":\"vp9\"}", VIDEO, "codec", "h264 or h265"),
                Arguments.of("video", "{\"format\":\"mov\",\"codec\":\"av1\"}", VIDEO, "codec", "h264 or h265"),
                Arguments.of("video", "{\"codec\":\"mpeg2\"}", VIDEO, "codec", "h264, h265, vp9, av1"),
                Arguments.of("video", "{\"width\":0}", VIDEO, "width", "from 2 to 7680"),
                Arguments.of("video", "{\"width\":160.5}", VIDEO, "width", "whole number"),
                Arguments.of("video", "{\"height\":5000}", VIDEO, "height", "from 2 to 4320"),
                Arguments.of("video", "{\"width\":\"150%\"}", VIDEO, "width", "\"100%\""),
                Arguments.of("video", "{\"width\":\"0%\"}", VIDEO, "width", "\"1%\""),
                Arguments.of("video", "{\"fit\":\"stretch\"}", VIDEO, "fit", "contain, cover, fill"),
                Arguments.of("video", "{\"quality\":0}", VIDEO, "quality", "from 1 to 100"),
                Arguments.of("video", "{\"quality\":101}", VIDEO, "quality", "from 1 to 100"),
                Arguments.of("video", "{\"fps\":240}", VIDEO, "fps", "from 1 to 120"),
                Arguments.of("video", "{\"start\":-1}", VIDEO, "start", "at least 0"),
                Arguments.of("video", "{\"start\":5,\"end\":5}", VIDEO, "end", "after start (5 s)"),
                Arguments.of("video", "{\"start\":6,\"end\":2}", VIDEO, "end", "after start"),
                Arguments.of("video", "{\"start\":10}", VIDEO, "start", "lasts 10 s"),
                Arguments.of("video", "{\"codec\":\"av1\",\"width\":32}", VIDEO, "width", "at least 64x64"),
                Arguments.of("video", "{\"codec\":\"h265\",\"height\":8}", VIDEO, "height", "at least 16x16"),
                Arguments.of("image", "{\"start\":1}", IMAGE, "start", "input is an image"),
                Arguments.of("image", "{\"start\":11}", VIDEO, "start", "lasts 10 s"),
                Arguments.of("image", "{\"format\":\"tiff\"}", IMAGE, "format", "jpeg, png, webp, avif, gif"),
                Arguments.of("image", "{\"format\":\"png\",\"quality\":50}", IMAGE, "quality", "lossless"),
                Arguments.of("image", "{\"background\":\"white\"}", IMAGE, "background", "#ffffff"),
                Arguments.of("image", "{\"background\":\"#ff00\"}", IMAGE, "background", "hex colour"),
                Arguments.of("image", "{\"position\":\"middle\"}", IMAGE, "position", "top-left"),
                Arguments.of("image", "{\"width\":8000}", IMAGE, "width", "from 1 to 7680"),
                Arguments.of("audio", "{\"format\":\"wav\",\"bitrate\":128000}", AUDIO, "bitrate", "leave it out"),
                Arguments.of("audio", "{\"format\":\"flac\",\"bitrate\":\"128k\"}", AUDIO, "bitrate", "flac"),
                Arguments.of("audio", "{\"bitrate\":1000}", AUDIO, "bitrate", "32000 to 320000"),
                Arguments.of("audio", "{\"bitrate\":\"fast\"}", AUDIO, "bitrate", "\"320k\""),
                Arguments.of("audio", "{\"channels\":6}", AUDIO, "channels", "from 1 to 2"),
                Arguments.of("audio", "{\"format\":\"wma\"}", AUDIO, "format", "mp3, aac, m4a, opus, ogg, wav, flac"),
                Arguments.of("audio", "{\"end\":0}", AUDIO, "end", "after start (0 s)"),
                Arguments.of("thumbnails", "{\"count\":10,\"interval\":2}", VIDEO, "interval", "not both"),
                Arguments.of("thumbnails", "{\"count\":101}", VIDEO, "count", "from 1 to 100"),
                Arguments.of("thumbnails", "{\"interval\":0.1}", VIDEO, "interval", "from 0.5 to 3600"),
                Arguments.of(
                        "thumbnails",
                        "{\"interval\":0.5}",
                        new InputFacts("video", "mp4", "h264", null, 640, 360, 60.0, 25.0),
                        "interval",
                        "at least 0.6"),
                Arguments.of("thumbnails", "{\"width\":16}", VIDEO, "width", "from 32 to 640"),
                Arguments.of("thumbnails", "{\"format\":\"png\"}", VIDEO, "format", "jpeg, webp"),
                Arguments.of(
                        "animation",
                        "{\"start\":0,\"end\":31}",
                        new InputFacts("video", "mp4", "h264", null, 640, 360, 60.0, 25.0),
                        "end",
                        "at most 30"),
                Arguments.of("animation", "{\"fps\":60}", VIDEO, "fps", "from 1 to 30"),
                Arguments.of("animation", "{\"width\":2000}", VIDEO, "width", "from 16 to 1280"),
                Arguments.of("animation", "{\"format\":\"mp4\"}", VIDEO, "format", "gif, webp"),
                Arguments.of("animation", "{\"start\":12}", VIDEO, "start", "lasts 10 s"));
    }

    @ParameterizedTest(name = "{0} {1} on {2} -> 400 {3}")
    @MethodSource("rejected")
    void rejectsWithTheParamAtFault(String kind, String options, InputFacts input, String param, String hint) {
        assertThatThrownBy(() -> TransformOptions.validate(kind, json(options), input))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("invalid_parameter");
                    assertThat(e.param()).isEqualTo(param);
                    assertThat(e.getMessage()).contains(hint);
                });
    }

    @ParameterizedTest(name = "{0} {1} -> 400 unknown_field {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "video|{\"label\":\"x\"}|label|format, codec, width",
                "image|{\"bitrate\":128000}|bitrate|for an image transform. Its options are"
            })
    void unknownOptionsAreUnknownFields(String kind, String options, String param, String hint) {
        assertThatThrownBy(() -> TransformOptions.validate(kind, json(options), "image".equals(kind) ? IMAGE : VIDEO))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("unknown_field");
                    assertThat(e.param()).isEqualTo(param);
                    assertThat(e.getMessage()).contains(hint);
                });
    }

    @Test
    void anUnreadableInputIsRefused() {
        InputFacts captions = new InputFacts("image", "webvtt", null, null, 160, 90, null, null);

        assertThatThrownBy(() -> TransformOptions.validate("image", json("{}"), captions))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.param()).isEqualTo("input"));
    }

    @Test
    void fillsInTheVideoDefaults() {
        assertThat(TransformOptions.validate("video", null, VIDEO).options())
                .containsExactly(
                        entry("format", "mp4"),
                        entry("codec", "h264"),
                        entry("fit", "contain"),
                        entry("quality", 70),
                        entry("audio", true));
        assertThat(TransformOptions.validate("video", json("{\"format\":\"WebM\"}"), SILENT)
                        .options())
                .contains(entry("format", "webm"), entry("codec", "vp9"), entry("audio", false));
        assertThat(TransformOptions.validate("video", json("{\"format\":\"hls\"}"), VIDEO)
                        .options())
                .contains(entry("codec", "h264"));
    }

    @Test
    void showsTheEffectiveValues() {
        Map<String, Object> options = TransformOptions.validate(
                        "video",
                        json("{\"width\":\"50%\",\"height\":360,"
                                + "\"fps\":60,\"start\":2,\"end\":99,\"quality\":90.0}"),
                        VIDEO)
                .options();

        assertThat(options)
                .contains(
                        entry("width", "50%"),
                        entry("height", 360),
                        entry("fps", 25),
                        entry("start", 2),
                        entry("end", 10),
                        entry("quality", 90));
    }

    @Test
    void fillsInTheOtherKindsDefaults() {
        assertThat(TransformOptions.validate("image", null, IMAGE).options())
                .containsExactly(
                        entry("format", "jpeg"),
                        entry("fit", "contain"),
                        entry("position", "center"),
                        entry("background", "#ffffff"),
                        entry("quality", 80));
        assertThat(TransformOptions.validate("image", json("{\"format\":\"png\",\"background\":\"#ABC\"}"), VIDEO)
                        .options())
                .containsExactly(
                        entry("format", "png"),
                        entry("fit", "contain"),
                        entry("position", "center"),
                        entry("background", "#aabbcc"),
                        entry("start", 1));
        assertThat(TransformOptions.validate(
                                "image", null, new InputFacts("video", "mp4", "h264", null, 320, 240, 1.0, 25.0))
                        .options())
                .contains(entry("start", 0.5));
        assertThat(TransformOptions.validate("audio", null, VIDEO).options())
                .containsExactly(entry("format", "mp3"), entry("bitrate", 128000));
        assertThat(TransformOptions.validate("audio", json("{\"bitrate\":\"96k\",\"channels\":1}"), AUDIO)
                        .options())
                .contains(entry("bitrate", 96000), entry("channels", 1));
        assertThat(TransformOptions.validate("audio", json("{\"format\":\"flac\"}"), AUDIO)
                        .options())
                .containsExactly(entry("format", "flac"));
        assertThat(TransformOptions.validate("thumbnails", null, VIDEO).options())
                .containsExactly(entry("count", 10), entry("width", 160), entry("format", "jpeg"));
        assertThat(TransformOptions.validate("thumbnails", json("{\"interval\":2.5}"), VIDEO)
                        .options())
                .containsEntry("interval", 2.5)
                .doesNotContainKey("count");
        assertThat(TransformOptions.validate("animation", null, VIDEO).options())
                .containsExactly(
                        entry("format", "gif"),
                        entry("start", 0),
                        entry("end", 5),
                        entry("fps", 10),
                        entry("width", 320));
        assertThat(TransformOptions.validate("animation", json("{\"start\":8,\"width\":1280}"), SILENT)
                        .options())
                .contains(entry("end", 10), entry("width", 640));
    }

    @Test
    void validatingNormalisedOptionsAgainChangesNothing() throws JsonProcessingException {
        String[][] cases = {
            {"video", "{\"format\":\"hls\",\"codec\":\"h265\",\"width\":\"50%\",\"fps\":29.97,\"end\":12}"},
            {"video", "{\"format\":\"webm\",\"width\":640,\"height\":640,\"fit\":\"cover\",\"audio\":false}"},
            {"image", "{\"format\":\"avif\",\"width\":\"33.3%\",\"background\":\"#0F0\",\"start\":2.25}"},
            {"audio", "{\"format\":\"opus\",\"bitrate\":\"64k\",\"start\":1.5}"},
            {"thumbnails", "{\"interval\":0.75,\"format\":\"webp\"}"},
            {"animation", "{\"format\":\"webp\",\"start\":7.5,\"fps\":12}"},
        };
        for (String[] c : cases) {
            TransformSpec first = TransformOptions.validate(c[0], json(c[1]), VIDEO);
            ObjectNode stored = (ObjectNode) JSON.readTree(JSON.writeValueAsString(first.options()));

            assertThat(TransformOptions.validate(c[0], stored, VIDEO)).as(c[1]).isEqualTo(first);
        }
    }

    @Test
    void nullOptionsCountAsNotGiven() {
        assertThat(TransformOptions.validate("video", json("{\"width\":null,\"codec\":null}"), VIDEO)
                        .options())
                .doesNotContainKey("width")
                .containsEntry("codec", "h264");
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
