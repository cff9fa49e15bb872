package io.mediawerk.intelligence.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Subtitles from transcript segments, and reading providers' answers. */
class SubtitlesTest {

    @Test
    void cuesAreNumberedTimedAndCannotBreakTheFile() {
        String vtt = Subtitles.of(List.of(
                new SpeechProvider.Segment(0, 1.5, "Hello"),
                new SpeechProvider.Segment(1.5, 1.5, " "),
                new SpeechProvider.Segment(3661.25, 3662, "two\n\nlines --> arrow")));
        assertThat(vtt)
                .isEqualTo("WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.500\nHello\n\n2\n"
                        + "01:01:01.250 --> 01:01:02.000\ntwo lines -> arrow\n");
    }

    @Test
    void anAnswerWithoutSegmentsBecomesOne() {
        SpeechProvider.Transcript transcript = SpeechProvider.parse("{\"text\": \" Hi there \", \"duration\": 2.5}");
        assertThat(transcript.text()).isEqualTo("Hi there");
        assertThat(transcript.language()).isNull();
        assertThat(transcript.segments()).containsExactly(new SpeechProvider.Segment(0, 2.5, "Hi there"));
    }
}
