package io.mediawerk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediawerk.ffmpeg.ProgramUnavailableException;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ApiErrorsTest {

    @Test
    void aMissingProgramIsA503ThatNamesTheRequestNotA500() {
        ApiException error = ApiErrors.from(
                new CompletionException(new ProgramUnavailableException(
                        "ffprobe is not installed: apt-get install -y ffmpeg", new IOException("error=2,"))),
                "req_test");
        assertThat(error.status()).isEqualTo(503);
        assertThat(error.code()).isEqualTo("program_unavailable");
        assertThat(error.getMessage()).contains("req_test").doesNotContain("apt-get");
    }

    @Test
    void anythingUnexpectedIsA500ThatNamesTheRequest() {
        ApiException error = ApiErrors.from(new IllegalStateException("bug"), "req_test");
        assertThat(error.status()).isEqualTo(500);
        assertThat(error.getMessage()).contains("req_test");
    }
}
