package io.mediawerk.ingest;

import io.mediawerk.api.ApiException;
import io.mediawerk.api.Outages;
import io.mediawerk.api.Times;
import io.mediawerk.config.IngestSettings;
import io.mediawerk.events.EventType;
import io.mediawerk.events.Events;
import io.mediawerk.media.Media;
import io.mediawerk.media.MediaRepository;
import io.mediawerk.media.MediaViews;
import io.mediawerk.media.OriginalIntake;
import io.mediawerk.media.OriginalProbe;
import io.mediawerk.storage.BufferBudget;
import io.mediawerk.storage.S3Upload;
import io.mediawerk.storage.Storage;
import io.mediawerk.storage.StorageGarbageCollector;
import io.mediawerk.storage.StorageKeys;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs one ingest job: fetch the URL into S3, probe it, and make the media ready, or failed with a reason.
 * Idempotent: a job for a media that is no longer pending or processing does nothing, so a redelivered message is
 * harmless; a job interrupted by a crash is redelivered and starts over.
 */
@ApplicationScoped
public class Ingest {

    static final int MAX_ATTEMPTS = 3;

    /** What a claimed job needs outside the transaction. */
    record Claimed(String mediaId, String projectId, String url) {}

    private final MediaRepository media;
    private final SafeFetcher fetcher;
    private final Storage storage;
    private final BufferBudget memory;
    private final OriginalProbe probe;
    private final OriginalIntake intake;
    private final StorageGarbageCollector garbage;
    private final MediaViews views;
    private final Events events;
    private final Duration timeout;

    public Ingest(
            MediaRepository media,
            SafeFetcher fetcher,
            Storage storage,
            BufferBudget memory,
            OriginalProbe probe,
            OriginalIntake intake,
            StorageGarbageCollector garbage,
            MediaViews views,
            Events events,
            IngestSettings ingestSettings) {
        this.media = media;
        this.fetcher = fetcher;
        this.storage = storage;
        this.memory = memory;
        this.probe = probe;
        this.intake = intake;
        this.garbage = garbage;
        this.views = views;
        this.events = events;
        this.timeout = ingestSettings.timeout();
    }

    public Uni<Void> run(IngestJob job) {
        return claim(job.mediaId())
                .chain(claimed -> claimed == null
                        ? Uni.createFrom().voidItem()
                        : fetchAndProbe(claimed)
                                .onFailure(Ingest::isTransient)
                                .retry()
                                .withBackOff(Duration.ofSeconds(2), Duration.ofSeconds(30))
                                .atMost(4)
                                .chain(result -> complete(claimed, result.stored(), result.probed()))
                                .onFailure()
                                .recoverWithUni(failure -> fail(claimed, failure)));
    }

    private record Fetched(S3Upload.Stored stored, OriginalProbe.Probed probed) {}

    private Uni<Fetched> fetchAndProbe(Claimed claimed) {
        String key = StorageKeys.original(claimed.projectId(), claimed.mediaId());
        return memory.reserve(storage.partSize(), timeout)
                .chain(lease -> {
                    S3Upload target = storage.startUpload(key, "application/octet-stream", lease);
                    return fetcher.fetch(claimed.url(), target)
                            .onFailure()
                            .call(target::abort)
                            .onCancellation()
                            .call(target::abort)
                            .chain(stored ->
                                    probe.probe(key, target.head()).map(probed -> new Fetched(stored, probed)));
                })
                .ifNoItem()
                .after(timeout)
                .failWith(() -> new IngestFailure(
                        "ingest_timeout",
                        "Fetching and probing the " + "file took longer than " + timeout.toMinutes() + " minutes."));
    }

    @WithTransaction
    Uni<Claimed> claim(String mediaId) {
        return media.findById(mediaId).chain(found -> {
            if (found == null || !(Media.PENDING.equals(found.status) || Media.PROCESSING.equals(found.status))) {
                return Uni.createFrom().nullItem();
            }
            if (found.attempts >= MAX_ATTEMPTS) {
                return markFailed(
                                found,
                                "ingest_gave_up",
                                "The file could not be ingested after " + MAX_ATTEMPTS + " attempts.")
                        .replaceWith((Claimed) null);
            }
            found.status = Media.PROCESSING;
            found.attempts++;
            found.updated = Times.now();
            return Uni.createFrom().item(new Claimed(found.id, found.projectId, found.ingestUrl));
        });
    }

    @WithTransaction
    Uni<Void> complete(Claimed claimed, S3Upload.Stored stored, OriginalProbe.Probed probed) {
        return media.findById(claimed.mediaId()).chain(found -> {
            if (found == null || !Media.PROCESSING.equals(found.status)) {
                return garbage.discard(stored.key());
            }
            return intake.attach(found, stored, probed).replaceWithVoid();
        });
    }

    @WithTransaction
    Uni<Void> fail(Claimed claimed, Throwable failure) {
        String code;
        String message;
        if (failure instanceof IngestFailure ingest) {
            code = ingest.code();
            message = ingest.getMessage();
        } else if (failure instanceof ApiException api) {
            code = api.code();
            message = api.getMessage();
        } else {
            Log.errorf(failure, "Ingest of %s failed", claimed.mediaId());
            code = "ingest_failed";
            message = "The file could not be ingested because of an error on our side.";
        }
        return media.findById(claimed.mediaId())
                .chain(found -> found == null || found.isDeleted()
                        ? Uni.createFrom().voidItem()
                        : garbage.discard(StorageKeys.original(found.projectId, found.id))
                                .chain(() -> markFailed(found, code, message)));
    }

    private Uni<Void> markFailed(Media found, String code, String message) {
        found.status = Media.FAILED;
        found.errorCode = code;
        found.error = message;
        found.ingestUrl = null;
        found.updated = Times.now();
        return views.of(found).chain(view -> events.emit(EventType.MEDIA_FAILED, found.projectId, view));
    }

    private static boolean isTransient(Throwable failure) {
        return !(failure instanceof IngestFailure)
                && !(failure instanceof ApiException)
                && (failure instanceof SdkException || Outages.isDependencyDown(failure));
    }
}
