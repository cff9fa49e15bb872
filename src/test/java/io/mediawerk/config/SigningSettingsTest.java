package io.mediawerk.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SigningSettingsTest {

    private static SigningSettings settings(Map<String, String> properties) {
        // with the interceptors Quarkus adds: property expressions are expanded
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withMapping(SigningSettings.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return config.getConfigMapping(SigningSettings.class);
    }

    @Test
    void theNewNameIsRead() {
        assertThat(settings(Map.of("mediawerk.signing.secret", "new-secret")).secret())
                .isEqualTo("new-secret");
    }

    @Test
    void theDeprecatedNameStillWorksAndTheNewOneWins() {
        assertThat(settings(Map.of("mediawerk.uploads.signing-secret", "old-secret"))
                        .secret())
                .isEqualTo("old-secret");
        assertThat(settings(Map.of("mediawerk.uploads.signing-secret", "old", "mediawerk.signing.secret", "new"))
                        .secret())
                .isEqualTo("new");
    }
}
