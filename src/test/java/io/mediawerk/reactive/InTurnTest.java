package io.mediawerk.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InTurnTest {

    @Test
    void stepsRunOneAfterTheOtherInOrder() {
        List<String> log = new ArrayList<>();
        AtomicInteger running = new AtomicInteger();
        InTurn.each(
                        List.of(3, 1, 2),
                        n -> Uni.createFrom()
                                .item(n)
                                .invoke(() ->
                                        assertThat(running.incrementAndGet()).isEqualTo(1))
                                .onItem()
                                .delayIt()
                                .by(Duration.ofMillis(5 * n))
                                .invoke(() -> log.add("step " + n))
                                .invoke(running::decrementAndGet)
                                .replaceWithVoid())
                .await()
                .atMost(Duration.ofSeconds(5));
        assertThat(log).containsExactly("step 3", "step 1", "step 2");
    }

    @Test
    void theFirstFailureStopsTheRest() {
        List<Integer> ran = new ArrayList<>();
        assertThatThrownBy(() -> InTurn.each(List.of(1, 2, 3), n -> {
                            ran.add(n);
                            return n == 2
                                    ? Uni.createFrom().failure(new IllegalStateException("two"))
                                    : Uni.createFrom().voidItem();
                        })
                        .await()
                        .indefinitely())
                .hasMessage("two");
        assertThat(ran).containsExactly(1, 2);
    }

    @Test
    void mapKeepsWhatEachStepGaveAndAnEmptyListIsDone() {
        assertThat(InTurn.map(List.of(1, 2, 3), n -> Uni.createFrom().item(n * 10))
                        .await()
                        .indefinitely())
                .containsExactly(10, 20, 30);
        assertThat(InTurn.each(List.<Integer>of(), n -> Uni.createFrom().voidItem())
                        .await()
                        .indefinitely())
                .isNull();
    }
}
