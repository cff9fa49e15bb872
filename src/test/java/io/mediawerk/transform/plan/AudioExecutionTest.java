package io.mediawerk.transform.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs audio plans and checks format, codec, channels and duration of the results. */
class AudioExecutionTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "mp3,  mp3,    mp3,  audio/mpeg, mp3",
        "aac,  aac,    aac,  audio/aac,  aac",
        "m4a,  aac,    m4a,  audio/mp4,  m4a",
        "opus, opus,   ogg,  audio/ogg,  opus",
        "ogg,  vorbis, ogg,  audio/ogg,  ogg",
        "wav,  pcm_s16le, wav, audio/wav, wav",
        "flac, flac,   flac, audio/flac, flac",
    })
    void everyFormat(String format, String codec, String container, String mimeType, String extension) {
        Transforms.Done done = Transforms.run("audio", "{\"format\":\"" + format + "\"}", Samples.tone(), temp);
        Probed probed = done.probe();

        assertThat(done.plan().output())
                .isEqualTo(Output.single("audio." + extension, "audio", container, mimeType, extension));
        assertThat(probed.streams()).hasSize(1);
        assertThat(probed.audioCodec()).isEqualTo(codec);
        assertThat(probed.audio().path("channels").asInt()).isEqualTo(2);
        assertThat(probed.duration()).isCloseTo(2.0, within(0.3));
    }

    @Test
    void theSoundOfAVideoTrimmedAndMono() {
        Transforms.Done done = Transforms.run(
                "audio",
                "{\"format\":\"m4a\",\"bitrate\":\"64k\",\"channels\":1," + "\"start\":0.5,\"end\":1.5}",
                Samples.clip(),
                temp);
        Probed probed = done.probe();

        assertThat(probed.streams()).hasSize(1);
        assertThat(probed.audioCodec()).isEqualTo("aac");
        assertThat(probed.audio().path("channels").asInt()).isEqualTo(1);
        assertThat(probed.duration()).isCloseTo(1.0, within(0.3));
        assertThat(done.lastProgressSeconds()).isCloseTo(1.0, within(0.3));
    }
}
