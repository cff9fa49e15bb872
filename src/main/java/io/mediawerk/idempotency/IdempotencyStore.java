package io.mediawerk.idempotency;

import io.mediawerk.api.ApiException;
import io.mediawerk.api.StoredObject;
import io.mediawerk.api.Times;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/** The idempotency records in PostgreSQL, each change in its own transaction. */
@ApplicationScoped
public class IdempotencyStore {

    static final Duration RETENTION = Duration.ofHours(24);
    /** A request that claimed a key and never finished (its process died) frees the key after this. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private final IdempotencyRepository records;

    public IdempotencyStore(IdempotencyRepository records) {
        this.records = records;
    }

    /** Null when this request may run; the earlier record when it must be replayed; 409 otherwise. */
    @WithTransaction
    public Uni<IdempotencyRecord> begin(String id, String fingerprint) {
        Instant now = Times.now();
        return records.claim(id, fingerprint, now).chain(claimed -> {
            if (claimed) {
                return Uni.createFrom().nullItem();
            }
            return records.findById(id).chain(existing -> decide(existing, fingerprint, now));
        });
    }

    private Uni<IdempotencyRecord> decide(IdempotencyRecord existing, String fingerprint, Instant now) {
        if (existing == null) {
            throw inProgress();
        }
        boolean expired = existing.created.isBefore(now.minus(RETENTION));
        boolean abandoned = existing.status == null && existing.created.isBefore(now.minus(ABANDONED_AFTER));
        if (expired || abandoned) {
            existing.fingerprint = fingerprint;
            existing.created = now;
            existing.status = null;
            existing.body = null;
            return Uni.createFrom().nullItem();
        }
        if (!existing.fingerprint.equals(fingerprint)) {
            throw ApiException.conflict(
                    "idempotency_key_reused",
                    "This Idempotency-Key was already used for a "
                            + "different request in the last 24 hours. Use a new key for a new request.");
        }
        if (existing.status == null) {
            throw inProgress();
        }
        return Uni.createFrom().item(existing);
    }

    @WithTransaction
    public Uni<Void> complete(String id, int status, StoredObject response) {
        return records.findById(id)
                .invoke(record -> {
                    record.status = status;
                    record.body = response.json();
                    record.selfPath = response.selfPath();
                    record.parentPath = response.parentPath();
                })
                .replaceWithVoid();
    }

    @WithTransaction
    public Uni<Void> abandon(String id) {
        return records.deleteById(id).replaceWithVoid();
    }

    @Scheduled(
            every = "1h",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> forgetExpired() {
        return deleteExpired()
                .onFailure()
                .invoke(e -> Log.warnf("Deleting old idempotency records failed: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    @WithTransaction
    public Uni<Long> deleteExpired() {
        return records.deleteOlderThan(Times.now().minus(RETENTION));
    }

    private static ApiException inProgress() {
        return ApiException.conflict(
                "idempotency_request_in_progress",
                "A request with this Idempotency-Key is "
                        + "still being processed. Wait for it to finish, then retry.");
    }
}
