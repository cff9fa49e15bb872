package io.mediawerk.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediawerk.api.ApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The budget's rules, without a server: leases, the line of waiters, refusals, the pool. */
class BufferBudgetTest {

    private static final int PART = 8 * 1024 * 1024;

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    private BufferBudget budget(int parts, Duration maxWait, int maxWaiting) {
        return new BufferBudget((long) parts * PART, maxWait, maxWaiting, metrics);
    }

    @Test
    void aLeaseHandsOutSlabsUpToItsReservationAndTheRestOfTheBudgetStaysFree() {
        BufferBudget budget = budget(2, Duration.ofSeconds(1), 4);
        BufferBudget.Lease small = budget.reserve(100_000).await().indefinitely();
        assertThat(small.take()).hasSize(BufferBudget.SLAB);
        assertThat(small.take()).as("100 kB need one slab").isNull();

        BufferBudget.Lease part = budget.reserve(PART).await().indefinitely();
        List<byte[]> slabs = new ArrayList<>();
        for (byte[] slab; (slab = part.take()) != null; ) {
            slabs.add(slab);
        }
        assertThat(slabs).hasSize(PART / BufferBudget.SLAB);
        assertThat(budget.inUse()).isEqualTo(slabs.size() + 1);
        assertThat(budget.saturated()).isFalse();
    }

    @Test
    void aWriterWaitsInLineAndGetsMemoryWhenAnotherGivesItBack() {
        BufferBudget budget = budget(1, Duration.ofSeconds(5), 4);
        BufferBudget.Lease first = budget.reserve(PART).await().indefinitely();
        byte[] slab = first.take();
        var second = budget.reserve(PART).subscribeAsCompletionStage();
        assertThat(second).isNotDone();
        assertThat(budget.waiting()).isEqualTo(1);
        assertThat(budget.saturated())
                .as("readiness is down while someone waits")
                .isTrue();

        first.close();
        assertThat(second)
                .as("a slab still taken holds its share until it is given back")
                .isNotDone();
        first.give(slab);
        assertThat(second).isCompleted();
        assertThat(budget.waiting()).isZero();
        assertThat(budget.reserved()).isEqualTo(PART / BufferBudget.SLAB);
    }

    @Test
    void aWriterThatWaitsTooLongIsRefusedWithA503AndItsPlaceIsFreed() {
        BufferBudget budget = budget(1, Duration.ofMillis(200), 4);
        BufferBudget.Lease held = budget.reserve(PART).await().indefinitely();
        assertThatThrownBy(() -> budget.reserve(PART).await().atMost(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.code()).isEqualTo("server_busy");
                    assertThat(e.getMessage()).contains("Nothing was stored");
                });
        assertThat(budget.waiting()).isZero();
        assertThat(metrics.get("mediawerk.uploads.refused")
                        .tag("reason", "waited_too_long")
                        .counter()
                        .count())
                .isEqualTo(1);
        held.close();
        assertThat(budget.reserve(PART).await().atMost(Duration.ofSeconds(1))).isNotNull();
    }

    @Test
    void whenTheLineIsFullTheNextWriterIsRefusedAtOnce() {
        BufferBudget budget = budget(1, Duration.ofSeconds(30), 2);
        budget.reserve(PART).await().indefinitely();
        budget.reserve(PART).subscribeAsCompletionStage();
        budget.reserve(PART).subscribeAsCompletionStage();
        long start = System.nanoTime();
        assertThatThrownBy(() -> budget.reserve(PART).await().indefinitely())
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(metrics.get("mediawerk.uploads.refused")
                        .tag("reason", "too_many_waiting")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void backgroundWorkWaitsWithoutALineLimit() {
        BufferBudget budget = budget(1, Duration.ofMillis(100), 0);
        BufferBudget.Lease held = budget.reserve(PART).await().indefinitely();
        var ingest = budget.reserve(PART, Duration.ofSeconds(30)).subscribeAsCompletionStage();
        assertThat(ingest).isNotDone();
        held.close();
        assertThat(ingest).isCompleted();
    }

    @Test
    void aLeaseGrowsOnlyWhileNobodyWaitsSoATightBudgetMeansOnePartInFlight() {
        BufferBudget budget = budget(3, Duration.ofSeconds(30), 4);
        BufferBudget.Lease first = budget.reserve(PART).await().indefinitely();
        assertThat(first.tryGrow(PART / BufferBudget.SLAB))
                .as("room, nobody waiting")
                .isTrue();
        BufferBudget.Lease second = budget.reserve(PART).await().indefinitely();
        var third = budget.reserve(PART).subscribeAsCompletionStage();
        assertThat(third).isNotDone();
        assertThat(second.tryGrow(1)).as("someone waits: no growing").isFalse();

        first.close();
        assertThat(third).isCompleted();
    }

    @Test
    void slabsGivenBackAreReused() {
        BufferBudget budget = budget(1, Duration.ofSeconds(1), 4);
        BufferBudget.Lease lease = budget.reserve(PART).await().indefinitely();
        byte[] slab = lease.take();
        lease.give(slab);
        assertThat(lease.take()).isSameAs(slab);
    }
}
