package io.mediawerk.database;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Copies of database answers (small immutable values, or their absence), kept for a while and dropped by the
 * {@link ChangeFeed}. A value loaded while a change arrived is used once but not kept: it may predate the change.
 */
public final class ChangeAwareCache<K, V> {

    private final Cache<K, Optional<V>> entries;
    private final AtomicLong changes = new AtomicLong();

    public ChangeAwareCache(Duration lifetime, long maxEntries) {
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(lifetime)
                .maximumSize(maxEntries)
                .build();
    }

    /** The cached value, else what {@code load} gives (null for none), cached unless a change came meanwhile. */
    public Uni<V> get(K key, Supplier<Uni<V>> load) {
        Optional<V> known = entries.getIfPresent(key);
        if (known != null) {
            return Uni.createFrom().item(known.orElse(null));
        }
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
