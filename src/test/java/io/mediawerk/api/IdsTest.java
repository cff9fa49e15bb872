package io.mediawerk.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsArePrefixedBase62AndRecognised() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = Ids.newId("med");
            assertThat(id).matches("med_[0-9A-Za-z]{16}");
            assertThat(Ids.looksLike(id, "med")).isTrue();
            assertThat(Ids.looksLike(id, "prj")).isFalse();
            seen.add(id);
        }
        assertThat(seen).hasSize(1000);
        assertThat(Ids.looksLike("med_../../etc/passw", "med")).isFalse();
        assertThat(Ids.looksLike("med_ÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄ", "med")).isFalse();
        assertThat(Ids.looksLike(null, "med")).isFalse();
    }
}
