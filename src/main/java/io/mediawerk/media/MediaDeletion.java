package io.mediawerk.media;

import io.mediawerk.api.Times;
import io.mediawerk.events.EventType;
import io.mediawerk.events.Events;
import io.mediawerk.reactive.InTurn;
import io.mediawerk.source.Source;
import io.mediawerk.source.SourceRepository;
import io.mediawerk.storage.StorageGarbageCollector;
import io.mediawerk.storage.StorageKeys;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Deleting a media, the same way for Delete Media, expiry and project purge: its sources go, their files are
 * queued for removal from S3 in the same transaction, and the media stays answerable as {@code deleted}.
 */
@ApplicationScoped
public class MediaDeletion {

    private final SourceRepository sources;
    private final StorageGarbageCollector garbage;
    private final MediaViews views;
    private final Events events;

    public MediaDeletion(SourceRepository sources, StorageGarbageCollector garbage, MediaViews views, Events events) {
        this.sources = sources;
        this.garbage = garbage;
        this.views = views;
        this.events = events;
    }

    /** Must run inside a transaction. */
    public Uni<Media> delete(Media media) {
        if (media.isDeleted()) {
            return Uni.createFrom().item(media);
        }
        return sources.listForMedia(media.id)
                .chain(list -> discardFiles(media, list))
                .invoke(() -> {
                    media.status = Media.DELETED;
                    media.deleted = Times.now();
                    media.updated = media.deleted;
                    media.filesize = 0;
                    media.ingestUrl = null;
                })
                .chain(() -> views.of(media))
                .chain(view -> events.emit(EventType.MEDIA_DELETED, media.projectId, view))
                .replaceWith(media);
    }

    private Uni<Void> discardFiles(Media media, List<Source> list) {
        return InTurn.each(
                        list, source -> garbage.discardAll(source.storageKeys()).chain(() -> sources.delete(source)))
                .chain(() -> garbage.discard(StorageKeys.original(media.projectId, media.id)));
    }
}
