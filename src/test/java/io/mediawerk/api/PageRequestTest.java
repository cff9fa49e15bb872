package io.mediawerk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    private static final Set<String> SORTS = Set.of("created", "updated");

    @Test
    void defaults() {
        PageRequest request = PageRequest.parse(null, null, null, null, SORTS, "created");
        assertThat(request).isEqualTo(new PageRequest(1, 10, "created", false));
        assertThat(request.offset()).isZero();
    }

    @Test
    void offsets() {
        assertThat(PageRequest.parse("3", "250", "updated", "asc", SORTS, "created")
                        .offset())
                .isEqualTo(500);
    }

    @Test
    void hugePagesAreRefusedRatherThanOverflowing() {
        assertThatThrownBy(() -> PageRequest.parse("99999999999", null, null, null, SORTS, "created"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("page");
        assertThatThrownBy(
                        () -> PageRequest.parse(String.valueOf(Integer.MAX_VALUE), null, null, null, SORTS, "created"))
                .isInstanceOf(ApiException.class);
    }
}
