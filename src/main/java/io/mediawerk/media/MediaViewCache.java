package io.mediawerk.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediawerk.api.StoredObject;
import io.mediawerk.config.CacheSettings;
import io.mediawerk.database.ChangeAwareCache;
import io.mediawerk.database.ChangeListener;
import io.mediawerk.domain.ActiveDomains;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The JSON of media that {@code GET /media/{id}} answered lately, so that a client polling a media costs neither a
 * database round trip nor building and writing its view. Any change to the media or one of its sources drops it on
 * every instance at commit (migration V15, through the {@code ChangeFeed}), a change to its project too; a change of
 * the project's custom domain (which the URLs name) is noticed when read. What a feed that lost its connection may
 * have missed is dropped when it connects again, and {@code mediawerk.cache.media-views-for} bounds the rest.
 */
@ApplicationScoped
public class MediaViewCache implements ChangeListener {

    /** A media's view as JSON, with what it was built from that can change without the media changing. */
    private record Entry(String projectId, String domainHost, StoredObject view) {}

    private final ChangeAwareCache<String, Entry> entries;
    private final ObjectMapper json;
    private final ActiveDomains domains;
    private final MediaViews views;

    public MediaViewCache(CacheSettings settings, ObjectMapper json, ActiveDomains domains, MediaViews views) {
        this.views = views;
        this.entries = new ChangeAwareCache<>(
                settings.mediaViewsFor(),
                settings.mediaViewChars(),
                entry -> entry.view().json().length());
        this.json = json;
        this.domains = domains;
    }

    /**
     * The media's view if it is in the project, from memory or from {@code load} (the media in whichever project it
     * is, null when there is none); null when the project has no such media.
     */
    public Uni<StoredObject> get(String projectId, String mediaId, Supplier<Uni<MediaReads.WithSources>> load) {
        return entries.get(mediaId, () -> load.get().map(this::entry)).chain(entry -> {
            if (entry != null && !Objects.equals(entry.domainHost(), domains.hostOf(entry.projectId()))) {
                entries.forget(mediaId);
                return load.get().map(found -> viewIn(projectId, entry(found)));
            }
            return Uni.createFrom().item(viewIn(projectId, entry));
        });
    }

    /** The entry's view when it is the project's media, else null. */
    private static StoredObject viewIn(String projectId, Entry entry) {
        return entry == null || !entry.projectId().equals(projectId) ? null : entry.view();
    }

    private Entry entry(MediaReads.WithSources found) {
        if (found == null) {
            return null;
        }
        String projectId = found.media().projectId;
        return new Entry(projectId, domains.hostOf(projectId), StoredObject.of(json, views.of(found)));
    }

    @Override
    public void changed(String kind, String id) {
        switch (kind) {
            case "view" -> entries.forget(id);
            case "project" -> entries.forgetIf(Entry::projectId, id);
            default -> {
                // keys and single sources: a source's change is announced for its media too
            }
        }
    }

    @Override
    public void forgetAll() {
        entries.forgetAll();
    }
}
