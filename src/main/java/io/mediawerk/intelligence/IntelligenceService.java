package io.mediawerk.intelligence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiException;
import io.mediawerk.api.Fields;
import io.mediawerk.api.JsonFields;
import io.mediawerk.api.Page;
import io.mediawerk.api.PageRequest;
import io.mediawerk.database.ReadOnly;
import io.mediawerk.intelligence.speech.SpeechProvider;
import io.mediawerk.intelligence.vision.VisionProviders;
import io.mediawerk.media.MediaRepository;
import io.mediawerk.source.SourceRepository;
import io.mediawerk.task.Task;
import io.mediawerk.task.TaskQueue;
import io.mediawerk.task.TaskRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * The rules of intelligence tasks at the API: the kind must suit the media and every option is checked when the
 * task is created; the task and its Kafka message (on the intelligence topic, so analysis scales apart from
 * transcoding) are written in one transaction.
 */
@ApplicationScoped
public class IntelligenceService {

    private static final Set<String> FIELDS = Set.of("media_id", "kind", "options");

    private final TaskRepository tasks;
    private final MediaRepository media;
    private final SourceRepository sources;
    private final IntelligenceViews views;
    private final TaskQueue queue;
    private final Set<String> withoutProvider;

    public IntelligenceService(
            TaskRepository tasks,
            MediaRepository media,
            SourceRepository sources,
            IntelligenceViews views,
            TaskQueue queue,
            SpeechProvider speech,
            VisionProviders vision) {
        Set<String> missing = new java.util.HashSet<>();
        if (!speech.isConfigured()) {
            missing.add(IntelligenceKinds.SPEECH);
        }
        if (!vision.objects().isConfigured()) {
            missing.add(IntelligenceKinds.OBJECTS);
        }
        if (!vision.nsfw().isConfigured()) {
            missing.add(IntelligenceKinds.NSFW);
        }
        this.withoutProvider = Set.copyOf(missing);
        this.tasks = tasks;
        this.media = media;
        this.sources = sources;
        this.views = views;
        this.queue = queue;
    }

    @WithTransaction
    public Uni<IntelligenceView> create(String projectId, ObjectNode body) {
        JsonFields fields = JsonFields.of(body, FIELDS);
        String mediaId = fields.text("media_id", 40);
        if (mediaId == null) {
            throw ApiException.invalid("media_id", "Field 'media_id' is required: the media to analyse.");
        }
        String kind = fields.text("kind", 40);
        ObjectNode options = fields.object("options");
        return media.findReady(projectId, mediaId, "it can be analysed once it is ready")
                .chain(found -> sources.findOriginal(found.id))
                .chain(original -> {
                    Task task = Task.pending(
                            original,
                            Task.INTELLIGENCE,
                            kind,
                            IntelligenceKinds.validate(kind, options, original, withoutProvider),
                            kind);
                    return queue.enqueue(task).replaceWith(IntelligenceView.of(task, null, null));
                });
    }

    /** The kinds that need a model provider this Mediawerk has none configured for. */
    public Set<String> kindsWithoutProvider() {
        return withoutProvider;
    }

    @WithSession
    public Uni<Page<IntelligenceView>> list(String projectId, TaskRepository.Filter filter, PageRequest page) {
        return ReadOnly.session(() -> {
            filter.check(IntelligenceKinds.KINDS);
            return tasks.count(projectId, Task.INTELLIGENCE, filter)
                    .chain(total -> tasks.list(projectId, Task.INTELLIGENCE, filter, page)
                            .chain(views::of)
                            .map(list -> new Page<>(list, total, page)));
        });
    }

    @WithSession
    public Uni<IntelligenceView> get(String projectId, String id) {
        Fields.requireId(id, "tsk", "intelligence task");
        return tasks.findWithOutput(projectId, Task.INTELLIGENCE, id)
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.notFound("intelligence task", id))
                .map(views::of);
    }
}
