package io.mediawerk.auth;

import io.mediawerk.api.Caller;
import io.mediawerk.config.CacheSettings;
import io.mediawerk.database.ChangeAwareCache;
import io.mediawerk.database.ChangeListener;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Who each key hash stands for (or that it stands for no one), so that a request seldom asks the database. A key
 * revoked, or its project deleted or given another rate limit, is dropped at once on every instance.
 */
@ApplicationScoped
public class KeyCache implements ChangeListener {

    private final ChangeAwareCache<String, Caller> callers;

    public KeyCache(CacheSettings settings) {
        this.callers = new ChangeAwareCache<>(settings.keysFor(), settings.maxEntries());
    }

    Uni<Caller> get(String hash, Supplier<Uni<Caller>> load) {
        return callers.get(hash, load);
    }

    /** A key this instance has just revoked (the database announces it by hash, which the revocation has not). */
    public void revoked(String keyId) {
        callers.forgetIf(Caller::keyId, keyId);
    }

    @Override
    public void changed(String kind, String id) {
        switch (kind) {
            case "key" -> callers.forget(id);
            case "project" -> callers.forgetIf(Caller::projectId, id);
            default -> {
                // media and sources are not part of a key
            }
        }
    }

    @Override
    public void forgetAll() {
        callers.forgetAll();
    }
}
