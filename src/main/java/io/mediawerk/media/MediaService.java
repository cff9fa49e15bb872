package io.mediawerk.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiException;
import io.mediawerk.api.Fields;
import io.mediawerk.api.Ids;
import io.mediawerk.api.JsonFields;
import io.mediawerk.api.Page;
import io.mediawerk.api.PageRequest;
import io.mediawerk.api.StoredObject;
import io.mediawerk.api.Times;
import io.mediawerk.database.ReadOnly;
import io.mediawerk.events.EventType;
import io.mediawerk.events.Events;
import io.mediawerk.ingest.IngestJob;
import io.mediawerk.ingest.UrlRules;
import io.mediawerk.jobs.Outbox;
import io.mediawerk.jobs.Topics;
import io.mediawerk.project.WorkflowReferences;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Optional;
import java.util.Set;

/** The rules of media: every call is confined to one project. */
@ApplicationScoped
public class MediaService {

    static final Set<String> KINDS = Set.of("video", "image", "audio");
    static final Set<String> UPDATABLE = Set.of("metadata", "expires", "timeout", "title", "alt", "private_delivery");
    static final int MAX_TEXT = 1000;

    private final MediaRepository media;
    private final MediaViews views;
    private final MediaDeletion deletion;
    private final Outbox outbox;
    private final Events events;
    private final ObjectMapper json;
    private final WorkflowReferences workflows;
    private final MediaPages pages;
    private final MediaReads reads;
    private final MediaViewCache viewCache;

    public MediaService(
            MediaPages pages,
            MediaRepository media,
            MediaViews views,
            MediaDeletion deletion,
            Outbox outbox,
            Events events,
            ObjectMapper json,
            WorkflowReferences workflows,
            MediaReads reads,
            MediaViewCache viewCache) {
        this.workflows = workflows;
        this.reads = reads;
        this.viewCache = viewCache;
        this.pages = pages;
        this.media = media;
        this.views = views;
        this.deletion = deletion;
        this.outbox = outbox;
        this.events = events;
        this.json = json;
    }

    @WithSession
    public Uni<Page<MediaView>> list(String projectId, String kind, PageRequest page) {
        return ReadOnly.session(() -> {
            if (kind != null && !KINDS.contains(kind)) {
                throw ApiException.invalid("kind", "kind must be video, image or audio; got '" + kind + "'.");
            }
            if (page.byCursor()) {
                return pages.page(projectId, kind, page)
                        .chain(found -> views.of(found.items())
                                .map(list ->
                                        new Page<>(list, found.total(), page, found.prevBefore(), found.nextAfter())));
            }
            return media.countLive(projectId, kind)
                    .chain(total -> media.listLive(projectId, kind, page)
                            .chain(views::of)
                            .map(list -> new Page<>(list, total, page)));
        });
    }

    /** The media's view as JSON, from memory while nothing about it has changed. */
    public Uni<StoredObject> get(String projectId, String id) {
        Fields.requireId(id, "med", "media");
        return viewCache
                .get(projectId, id, () -> reads.find(id))
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.notFound("media", id));
    }

    /** Creates a pending media and queues the ingest of {@code url} in the same transaction. */
    @WithTransaction
    public Uni<MediaView> createFromUrl(String projectId, MediaInput input) {
        UrlRules.parse("url", input.url());
        Media created = new Media();
        created.id = Ids.newId("med");
        created.projectId = projectId;
        created.status = Media.PENDING;
        created.title = Fields.optionalText("title", input.title(), MAX_TEXT);
        created.alt = Fields.optionalText("alt", input.alt(), MAX_TEXT);
        created.metadata = MetadataRules.checked(
                json, input.metadata() == null ? new HashMap<>() : new HashMap<>(input.metadata()));
        created.ingestUrl = input.url().strip();
        created.workflowId = input.workflowId();
        created.created = Times.now();
        created.updated = created.created;
        return workflows
                .check(projectId, input.workflowId(), "workflow_id")
                .chain(() -> media.persist(created))
                .chain(() -> outbox.add(Topics.INGEST, created.id, new IngestJob(created.id, projectId)))
                .chain(() -> views.of(created))
                .call(view -> events.emit(EventType.MEDIA_CREATED, projectId, view));
    }

    @WithTransaction
    public Uni<MediaView> update(String projectId, String id, ObjectNode body) {
        JsonFields fields = JsonFields.of(body, UPDATABLE);
        Instant now = Times.now();
        Optional<Optional<Instant>> expiry = ExpiryRules.fromBody(fields, now);
        String title = fields.text("title", MAX_TEXT);
        String alt = fields.text("alt", MAX_TEXT);
        Boolean privateDelivery = fields.bool("private_delivery");
        ObjectNode metadata = fields.object("metadata");
        if (fields.has("metadata") && metadata == null) {
            throw ApiException.invalid(
                    "metadata", "metadata must be a JSON object; send {\"key\": null} to remove " + "a key.");
        }
        return find(projectId, id).chain(found -> {
            if (found.isDeleted()) {
                throw ApiException.conflict("media_deleted", "Media " + id + " is deleted and cannot be changed.");
            }
            if (metadata != null) {
                found.metadata = MetadataRules.merge(json, found.metadata, metadata);
            }
            expiry.ifPresent(value -> found.expires = value.orElse(null));
            if (fields.has("title")) {
                found.title = title;
            }
            if (fields.has("alt")) {
                found.alt = alt;
            }
            if (fields.has("private_delivery")) {
                found.privateDelivery = privateDelivery;
            }
            found.updated = now;
            return views.of(found).call(view -> events.emit(EventType.MEDIA_UPDATED, projectId, view));
        });
    }

    @WithTransaction
    public Uni<MediaView> delete(String projectId, String id) {
        return find(projectId, id).chain(found -> {
            if (found.isDeleted()) {
                throw ApiException.notFound("media", id);
            }
            return deletion.delete(found).chain(views::of);
        });
    }

    private Uni<Media> find(String projectId, String id) {
        Fields.requireId(id, "med", "media");
        return media.findInProject(projectId, id).onItem().ifNull().failWith(() -> ApiException.notFound("media", id));
    }
}
