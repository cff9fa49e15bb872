package io.mediawerk.media.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FfprobeErrorsTest {

    private static final String URL = "https://s3.internal:9000/media/prj_1/med_2?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Signature=0123456789abcdef";

    @Test
    void takesWhatTheDemuxerSaid() {
        String stderr = "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x5556c82501c0] moov atom not found\n"
                + "file:/tmp/uploads/med_2.mp4: Invalid data found when processing input\n";

        assertThat(FfprobeErrors.reason(stderr, "file:/tmp/uploads/med_2.mp4")).isEqualTo("moov atom not found");
    }

    @Test
    void neverShowsTheInputOrAnyLocation() {
        assertThat(FfprobeErrors.reason(URL + ": Invalid data found when processing input\n", URL))
                .isEqualTo("Invalid data found when processing input");
        assertThat(FfprobeErrors.reason("Opening https://other.host/x?sig=1 failed\n", URL))
                .isEqualTo("Opening (address hidden) failed");
        assertThat(FfprobeErrors.reason(
                        "[tcp @ 0x55] Connection to tcp://10.0.0.7:9000 failed: Connection refused", URL))
                .isEqualTo("Connection to (address hidden) failed: Connection refused");
        assertThat(FfprobeErrors.reason("Could not open /var/lib/mediawerk/tmp/abc: denied", "file:/x"))
                .isEqualTo("Could not open (path hidden): denied");
        assertThat(FfprobeErrors.reason("file:/srv/a b.mp4: End of file", "file:/srv/a b.mp4"))
                .isEqualTo("End of file");
    }

    @Test
    void keepsItShort() {
        assertThat(FfprobeErrors.reason("x".repeat(1000), URL)).hasSize(160).endsWith("…");
        assertThat(FfprobeErrors.reason("\n  \n", URL)).isEmpty();
        assertThat(FfprobeErrors.reason(null, URL)).isEmpty();
    }

    @Test
    void tellsReadFailuresFromBrokenFiles() {
        assertThat(FfprobeErrors.isReadFailure(URL + ": Server returned 403 Forbidden (access denied)"))
                .isTrue();
        assertThat(FfprobeErrors.isReadFailure("[tcp @ 0x1] Failed to resolve hostname s3: Name not known"))
                .isTrue();
        assertThat(FfprobeErrors.isReadFailure("file:/x.mp4: No such file or directory"))
                .isTrue();
        assertThat(FfprobeErrors.isReadFailure("[mov,mp4,m4a,3gp,3g2,mj2 @ 0x1] moov atom not found"))
                .isFalse();
        assertThat(FfprobeErrors.isReadFailure("[matroska,webm @ 0x1] File ended prematurely\nx: Input/output error"))
                .isFalse();
        assertThat(FfprobeErrors.isReadFailure(null)).isFalse();
    }
}
