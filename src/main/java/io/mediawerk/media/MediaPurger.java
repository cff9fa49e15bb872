package io.mediawerk.media;

import io.mediawerk.project.ProjectDataPurger;
import io.mediawerk.reactive.InTurn;
import io.mediawerk.source.SourceRepository;
import io.mediawerk.storage.StorageGarbageCollector;
import io.mediawerk.storage.StorageKeys;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** A deleted project's files are queued for removal from S3; its rows go with the project (ON DELETE CASCADE). */
@ApplicationScoped
public class MediaPurger implements ProjectDataPurger {

    private final SourceRepository sources;
    private final MediaRepository media;
    private final StorageGarbageCollector garbage;

    public MediaPurger(SourceRepository sources, MediaRepository media, StorageGarbageCollector garbage) {
        this.sources = sources;
        this.media = media;
        this.garbage = garbage;
    }

    @Override
    public Uni<Void> purge(String projectId) {
        return sources.list("projectId", projectId)
                .chain(list -> InTurn.each(list, source -> garbage.discardAll(source.storageKeys())))
                .chain(() -> media.listAllOfProject(projectId))
                .chain(list -> InTurn.each(list, m -> garbage.discard(StorageKeys.original(m.projectId, m.id))));
    }
}
