package io.mediawerk.database;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Copies of database answers (small immutable values, or their absence), kept for a while and dropped by the
 * {@link ChangeFeed}. A value loaded while a change arrived is used once but not kept: it may predate the change.
 */
public final class ChangeAwareCache<K, V> {

    private final Cache<K, Optional<V>> entries;
    private final AtomicLong changes = new AtomicLong();
    private final Map<K, Uni<V>> loading = new ConcurrentHashMap<>();
    /** A lifetime of zero: nothing is kept, every value is loaded. */
    private final boolean keeps;
    /** Whether callers missing the same key at once share one load. */
    private final boolean shareLoads;

    /** Each caller that misses loads for itself (a load may need the caller's Hibernate session). */
    public ChangeAwareCache(Duration lifetime, long maxEntries) {
        this.keeps = !lifetime.isZero() && !lifetime.isNegative();
        this.shareLoads = false;
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(lifetime)
                .maximumSize(maxEntries)
                .build();
    }

    /** What an absence weighs in a cache of values of different sizes: about what it takes in memory, in chars. */
    private static final int ABSENT_WEIGHT = 100;

    /**
     * Values of different sizes: at most {@code maxWeight} in all, as {@code weight} tells each value's (an absence
     * weighs {@value #ABSENT_WEIGHT}). Callers missing the same key at once share one load, which therefore must not
     * depend on the caller: no Hibernate session (it belongs to the Vert.x context of the request that opened it).
     */
    public ChangeAwareCache(Duration lifetime, long maxWeight, ToIntFunction<V> weight) {
        this.keeps = !lifetime.isZero() && !lifetime.isNegative();
        this.shareLoads = true;
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(lifetime)
                .maximumWeight(maxWeight)
                .<K, Optional<V>>weigher(
                        (key, value) -> value.map(weight::applyAsInt).orElse(ABSENT_WEIGHT))
                .build();
    }

    /** The cached value, else what {@code load} gives (null for none), cached unless a change came meanwhile. */
    public Uni<V> get(K key, Supplier<Uni<V>> load) {
        if (!keeps) {
            return load.get();
        }
        Optional<V> known = entries.getIfPresent(key);
        if (known != null) {
            return Uni.createFrom().item(known.orElse(null));
        }
        if (!shareLoads) {
            return loadAndKeep(key, load);
        }
        return loading.computeIfAbsent(
                key,
                missing -> loadAndKeep(key, load)
                        .eventually(() -> {
                            // a statement, not the removed Uni: eventually would wait for a Uni it is given
                            loading.remove(key);
                        })
                        .memoize()
                        .indefinitely());
    }

    private Uni<V> loadAndKeep(K key, Supplier<Uni<V>> load) {
        long before = changes.get();
        return load.get().invoke(value -> {
            if (changes.get() == before) {
                entries.put(key, Optional.ofNullable(value));
            }
        });
    }

    public void forget(K key) {
        changes.incrementAndGet();
        entries.invalidate(key);
    }

    /** Forgets every present value that matches (absences stay: a change does not make a missing row appear). */
    public void forgetIf(Function<V, String> field, String value) {
        changes.incrementAndGet();
        Predicate<Optional<V>> matches = entry -> entry.isPresent() && value.equals(field.apply(entry.get()));
        entries.asMap().values().removeIf(matches);
    }

    public void forgetAll() {
        changes.incrementAndGet();
        entries.invalidateAll();
    }
}
