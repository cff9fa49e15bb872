package io.mediawerk.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HttpsPolicyTest {

    @Test
    void forwardedProtoCountsOnlyFromTrustedProxies() {
        HttpsPolicy policy = new HttpsPolicy(true, List.of("10.0.0.0/8", "::1"));
        assertThat(policy.allows(true, "203.0.113.9", null)).isTrue();
        assertThat(policy.allows(false, "10.1.2.3", "https")).isTrue();
        assertThat(policy.allows(false, "10.1.2.3", "https, http")).isTrue();
        assertThat(policy.allows(false, "0:0:0:0:0:0:0:1", "https")).isTrue();
        assertThat(policy.allows(false, "10.1.2.3", "http")).isFalse();
        assertThat(policy.allows(false, "10.1.2.3", null)).isFalse();
        assertThat(policy.allows(false, "203.0.113.9", "https")).isFalse();
        assertThat(policy.allows(false, "11.0.0.1", "https")).isFalse();
    }

    @Test
    void notRequiredAllowsEverything() {
        assertThat(new HttpsPolicy(false, List.of()).allows(false, "203.0.113.9", null))
                .isTrue();
    }
}
