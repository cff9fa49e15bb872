package io.mediawerk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediawerk.api.ApiException;
import org.junit.jupiter.api.Test;

class DomainNamesTest {

    private static final String API = "api.mediawerk.example";

    @Test
    void namesAreStoredLowercaseAsciiWithoutTheRootDot() {
        assertThat(DomainNames.normalise(" Media.Example.COM. ", API)).isEqualTo("media.example.com");
        assertThat(DomainNames.normalise("bücher.example", API)).isEqualTo("xn--bcher-kva.example");
    }

    @Test
    void theApisOwnHostIsNotACustomDomain() {
        assertThatThrownBy(() -> DomainNames.normalise("API.mediawerk.example", API))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("own host");
    }
}
