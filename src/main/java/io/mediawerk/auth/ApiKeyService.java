package io.mediawerk.auth;

import io.mediawerk.api.ApiException;
import io.mediawerk.api.Caller;
import io.mediawerk.api.Ids;
import io.mediawerk.api.Page;
import io.mediawerk.api.PageRequest;
import io.mediawerk.api.Times;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Issues, checks and revokes API keys. */
@ApplicationScoped
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final KeyCache cache;

    public ApiKeyService(ApiKeyRepository keys, KeyCache cache) {
        this.keys = keys;
        this.cache = cache;
    }

    /** The caller a key stands for, or 401. */
    public Uni<Caller> authenticate(String plainKey) {
        String hash = KeyMaterial.hash(plainKey);
        return cache.get(hash, () -> keys.findCaller(hash))
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.unauthorized(
                        "invalid_api_key",
                        "The API key is not valid: it is unknown, revoked, or its project was deleted."));
    }

    /** Makes a key; the returned view carries the plain key, which is never stored. */
    @WithTransaction
    public Uni<ApiKeyView> create(String orgId, String projectId, String name) {
        String plain = KeyMaterial.newKey();
        return persist(orgId, projectId, name, plain).map(key -> ApiKeyView.of(key, plain));
    }

    /** Registers a key whose plain value the operator chose (the admin key from the environment). */
    @WithTransaction
    public Uni<Void> ensureOrgKey(String orgId, String name, String plainKey) {
        return keys.findByHash(KeyMaterial.hash(plainKey))
                .chain(existing -> existing != null
                        ? Uni.createFrom().voidItem()
                        : persist(orgId, null, name, plainKey).replaceWithVoid());
    }

    @WithSession
    public Uni<Page<ApiKeyView>> list(String projectId, PageRequest page) {
        return keys.countForProject(projectId)
                .chain(total -> keys.listForProject(projectId, page.offset(), page.limit())
                        .map(list -> new Page<>(
                                list.stream().map(k -> ApiKeyView.of(k, null)).toList(), total, page)));
    }

    @WithTransaction
    public Uni<ApiKeyView> revoke(String projectId, String keyId) {
        return keys.findInProject(projectId, keyId)
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.notFound("key", keyId))
                .map(key -> {
                    if (key.revoked == null) {
                        key.revoked = Times.now();
                        key.updated = key.revoked;
                    }
                    return ApiKeyView.of(key, null);
                });
    }

    /** Called once a revocation has committed: this instance refuses the key from its next request. */
    public void forgetRevoked(String keyId) {
        cache.revoked(keyId);
    }

    private Uni<ApiKey> persist(String orgId, String projectId, String name, String plainKey) {
        ApiKey key = new ApiKey();
        key.id = Ids.newId("key");
        key.orgId = orgId;
        key.projectId = projectId;
        key.name = name;
        key.prefix = KeyMaterial.displayPrefix(plainKey);
        key.hash = KeyMaterial.hash(plainKey);
        key.created = Times.now();
        key.updated = key.created;
        return keys.persist(key);
    }
}
