package io.mediawerk.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiException;
import io.mediawerk.api.Deleted;
import io.mediawerk.api.Fields;
import io.mediawerk.api.JsonFields;
import io.mediawerk.api.Page;
import io.mediawerk.api.PageRequest;
import io.mediawerk.api.Times;
import io.mediawerk.database.ReadOnly;
import io.mediawerk.events.EventType;
import io.mediawerk.events.Events;
import io.mediawerk.media.MediaViews;
import io.mediawerk.media.MetadataRules;
import io.mediawerk.storage.StorageGarbageCollector;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules of sources: listing, relabelling and deleting the files of a project's media. */
@ApplicationScoped
public class SourceService {

    static final Set<String> UPDATABLE = Set.of("label", "metadata");
    /** Labels are names for people and workflows, never paths: letters, digits, dot, dash, underscore. */
    public static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final SourceRepository sources;
    private final MediaViews views;
    private final StorageGarbageCollector garbage;
    private final Events events;
    private final ObjectMapper json;

    public SourceService(
            SourceRepository sources,
            MediaViews views,
            StorageGarbageCollector garbage,
            Events events,
            ObjectMapper json) {
        this.sources = sources;
        this.views = views;
        this.garbage = garbage;
        this.events = events;
        this.json = json;
    }

    @WithSession
    public Uni<Page<SourceView>> list(String projectId, SourceRepository.Filter filter, PageRequest page) {
        return ReadOnly.session(() -> {
            if (filter.mediaId() != null && !io.mediawerk.api.Ids.looksLike(filter.mediaId(), "med")) {
                throw ApiException.invalid("media_id", "media_id must be a media id such as med_598j8Q37dsM3zzRe.");
            }
            return sources.count(projectId, filter)
                    .chain(total -> sources.list(projectId, filter, page)
                            .map(list ->
                                    new Page<>(list.stream().map(views::source).toList(), total, page)));
        });
    }

    @WithSession
    public Uni<SourceView> get(String projectId, String id) {
        return find(projectId, id).map(views::source);
    }

    @WithTransaction
    public Uni<SourceView> update(String projectId, String id, ObjectNode body) {
        JsonFields fields = JsonFields.of(body, UPDATABLE);
        String label = fields.text("label", 64);
        if (fields.has("label") && (label == null || !LABEL.matcher(label).matches())) {
            throw ApiException.invalid(
                    "label",
                    "label must be 1 to 64 letters, digits, '.', '-' or '_', starting " + "with a letter or digit.");
        }
        ObjectNode metadata = fields.object("metadata");
        if (fields.has("metadata") && metadata == null) {
            throw ApiException.invalid("metadata", "metadata must be a JSON object.");
        }
        return find(projectId, id)
                .invoke(source -> {
                    if (label != null) {
                        source.label = label;
                    }
                    if (metadata != null) {
                        source.metadata = MetadataRules.merge(json, source.metadata, metadata);
                    }
                    source.updated = Times.now();
                })
                .map(views::source);
    }

    @WithTransaction
    public Uni<Deleted> delete(String projectId, String id) {
        return find(projectId, id).chain(source -> {
            if (Source.ORIGINAL.equals(source.label) && source.taskId == null) {
                throw ApiException.conflict(
                        "original_source",
                        "The original source cannot be deleted on its own: " + "delete the media (DELETE /media/"
                                + source.mediaId + ") to remove all its files.");
            }
            SourceView view = views.source(source);
            return garbage.discardAll(source.storageKeys())
                    .chain(() -> sources.delete(source))
                    .chain(() -> events.emit(EventType.SOURCE_DELETED, projectId, view))
                    .replaceWith(Deleted.of(view));
        });
    }

    private Uni<Source> find(String projectId, String id) {
        Fields.requireId(id, "src", "source");
        return sources.findInProject(projectId, id)
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.notFound("source", id));
    }
}
