package io.mediawerk.media;

import io.mediawerk.api.Times;
import io.mediawerk.reactive.InTurn;
import io.mediawerk.upload.UploadLedger;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Deletes media whose {@code expires} has passed, exactly as Delete Media does, and gives up uploads whose URL
 * expired half-way. Rows are taken with SKIP LOCKED, so several instances sweep at once without double work.
 */
@ApplicationScoped
public class MediaExpiry {

    private static final int BATCH = 50;

    private final MediaRepository media;
    private final MediaDeletion deletion;
    private final UploadLedger uploads;

    public MediaExpiry(MediaRepository media, MediaDeletion deletion, UploadLedger uploads) {
        this.media = media;
        this.deletion = deletion;
        this.uploads = uploads;
    }

    @Scheduled(
            every = "${mediawerk.expiry.sweep-every}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweepOnSchedule() {
        return deleteExpired()
                .chain(uploads::expireAbandoned)
                .onFailure()
                .invoke(e -> Log.warnf("Expiry sweep failed, will retry: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes one batch of expired media; returns how many. */
    @WithTransaction
    public Uni<Integer> deleteExpired() {
        return media.lockExpired(Times.now(), BATCH)
                .chain(list -> InTurn.each(list, deletion::delete).replaceWith(list.size()));
    }
}
