package io.mediawerk.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Values kept unless a change came while they loaded; loads shared where asked; failures and lifetime zero not kept. */
class ChangeAwareCacheTest {

    private final AtomicInteger loads = new AtomicInteger();
    private CompletableFuture<String> answer = new CompletableFuture<>();
    private final Supplier<Uni<String>> load = () -> {
        loads.incrementAndGet();
        return Uni.createFrom().completionStage(answer);
    };

    @Test
    void callersMissingAtOnceShareOneLoadAndTheValueIsKept() {
        ChangeAwareCache<String, String> cache = new ChangeAwareCache<>(Duration.ofSeconds(30), 100, String::length);

        CompletableFuture<String> first = cache.get("k", load).subscribeAsCompletionStage();
        CompletableFuture<String> second = cache.get("k", load).subscribeAsCompletionStage();
        answer.complete("v");

        assertThat(first.join()).isEqualTo("v");
        assertThat(second.join()).isEqualTo("v");
        assertThat(cache.get("k", load).await().indefinitely()).isEqualTo("v");
        assertThat(loads).hasValue(1);
    }

    @Test
    void withoutSharedLoadsEachCallerLoads() {
        ChangeAwareCache<String, String> cache = new ChangeAwareCache<>(Duration.ofSeconds(30), 100);

        CompletableFuture<String> first = cache.get("k", load).subscribeAsCompletionStage();
        CompletableFuture<String> second = cache.get("k", load).subscribeAsCompletionStage();
        answer.complete("v");

        assertThat(first.join() + second.join()).isEqualTo("vv");
        assertThat(loads).hasValue(2);
    }

    @Test
    void aValueLoadedWhileAChangeCameIsUsedButNotKept() {
        ChangeAwareCache<String, String> cache = new ChangeAwareCache<>(Duration.ofSeconds(30), 100);

        CompletableFuture<String> during = cache.get("k", load).subscribeAsCompletionStage();
        cache.forget("other");
        answer.complete("old");

        assertThat(during.join()).isEqualTo("old");
        answer = CompletableFuture.completedFuture("new");
        assertThat(cache.get("k", load).await().indefinitely()).isEqualTo("new");
        assertThat(loads).hasValue(2);
    }

    @Test
    void aFailedLoadIsNotKept() {
        ChangeAwareCache<String, String> cache = new ChangeAwareCache<>(Duration.ofSeconds(30), 100);
        answer.completeExceptionally(new IllegalStateException("database down"));

        assertThatThrownBy(
                        () -> cache.get("k", load).subscribeAsCompletionStage().join())
                .isInstanceOf(CompletionException.class)
                .hasMessageContaining("database down");
        answer = CompletableFuture.completedFuture("v");
        assertThat(cache.get("k", load).await().indefinitely()).isEqualTo("v");
        assertThat(loads).hasValue(2);
    }

    @Test
    void aLifetimeOfZeroKeepsNothing() {
        ChangeAwareCache<String, String> cache = new ChangeAwareCache<>(Duration.ZERO, 100, String::length);
        answer.complete("v");

        cache.get("k", load).await().indefinitely();
        cache.get("k", load).await().indefinitely();

        assertThat(loads).hasValue(2);
    }
}
