package io.mediawerk.transform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiException;
import io.mediawerk.api.ApiObject;
import io.mediawerk.api.Deleted;
import io.mediawerk.api.Fields;
import io.mediawerk.api.Page;
import io.mediawerk.api.PageRequest;
import io.mediawerk.database.ReadOnly;
import io.mediawerk.media.Media;
import io.mediawerk.media.MediaRepository;
import io.mediawerk.reactive.InTurn;
import io.mediawerk.source.Source;
import io.mediawerk.source.SourceRepository;
import io.mediawerk.storage.StorageGarbageCollector;
import io.mediawerk.task.GrowingOutputs;
import io.mediawerk.task.Task;
import io.mediawerk.task.TaskEndings;
import io.mediawerk.task.TaskOutputs;
import io.mediawerk.task.TaskQueue;
import io.mediawerk.task.TaskRepository;
import io.mediawerk.transform.plan.TransformOptions;
import io.mediawerk.transform.plan.TransformSpec;
import io.quarkus.arc.All;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The rules of transforms at the API: every option is checked against the input when the task is created (an
 * impossible task is a 400, never a task that fails later), and the task and its Kafka message are written in one
 * transaction. The API role never runs ffmpeg.
 */
@ApplicationScoped
public class TransformService {

    private static final String READY_ONLY = "transforms can run on ready media only";

    private final TaskRepository tasks;
    private final MediaRepository media;
    private final SourceRepository sources;
    private final TransformViews views;
    private final TaskQueue queue;
    private final StorageGarbageCollector garbage;
    private final List<TaskEndings> endings;
    private final GrowingOutputs growing;

    public TransformService(
            TaskRepository tasks,
            MediaRepository media,
            SourceRepository sources,
            TransformViews views,
            TaskQueue queue,
            StorageGarbageCollector garbage,
            @All List<TaskEndings> endings,
            GrowingOutputs growing) {
        this.tasks = tasks;
        this.media = media;
        this.sources = sources;
        this.views = views;
        this.queue = queue;
        this.garbage = garbage;
        this.endings = endings;
        this.growing = growing;
    }

    @WithTransaction
    public Uni<TransformView> create(String projectId, ObjectNode body) {
        TransformRequest request = TransformRequest.parse(body);
        return input(projectId, request).chain(input -> {
            TransformSpec spec = validate(request, input);
            Task task = Task.pending(input, Task.TRANSFORM, spec.kind(), spec.options(), request.label());
            return queue.enqueue(task).replaceWith(TransformView.of(task, null));
        });
    }

    @WithSession
    public Uni<Page<TransformView>> list(String projectId, TaskRepository.Filter filter, PageRequest page) {
        return ReadOnly.session(() -> {
            filter.check(TransformOptions.KINDS);
            return tasks.count(projectId, Task.TRANSFORM, filter)
                    .chain(total -> tasks.list(projectId, Task.TRANSFORM, filter, page)
                            .chain(views::of)
                            .map(list -> new Page<>(list, total, page)));
        });
    }

    @WithSession
    public Uni<TransformView> get(String projectId, String id) {
        Fields.requireId(id, "tsk", "transform");
        return tasks.findWithOutput(projectId, Task.TRANSFORM, id)
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.notFound("transform", id))
                .map(views::of);
    }

    /**
     * A pending or running transform is cancelled (a running ffmpeg is stopped by its worker at the next heartbeat,
     * and whatever it wrote is removed) and stays visible as {@code cancelled}; a finished one is deleted, leaving
     * the source it made.
     */
    @WithTransaction
    public Uni<ApiObject> delete(String projectId, String id) {
        return find(projectId, id).chain(found -> tasks.lock(found.id)).chain(task -> {
            if (task.isFinished()) {
                return views.of(task).chain(view -> tasks.delete(task).replaceWith(Deleted.of(view)));
            }
            task.end(Task.CANCELLED);
            return garbage.discardPrefix(TaskOutputs.prefix(task))
                    .chain(() -> growing.withdraw(task))
                    .chain(() -> InTurn.each(endings, listener -> listener.ended(task)))
                    .chain(() -> views.of(task));
        });
    }

    private Uni<Task> find(String projectId, String id) {
        Fields.requireId(id, "tsk", "transform");
        return tasks.findInProject(projectId, Task.TRANSFORM, id)
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.notFound("transform", id));
    }

    /** The source to read: the one named, or the media's original; its media must be ready. */
    private Uni<Source> input(String projectId, TransformRequest request) {
        Uni<Source> source = request.sourceId() != null
                ? sources.findInProject(projectId, request.sourceId())
                        .onItem()
                        .ifNull()
                        .failWith(() -> new ApiException(
                                404,
                                "not_found",
                                "No source with id '" + request.sourceId() + "' exists.",
                                "source_id"))
                : media.findReady(projectId, request.mediaId(), READY_ONLY)
                        .chain(found -> sources.findOriginal(found.id));
        return source.chain(found -> {
            if (request.mediaId() != null && !request.mediaId().equals(found.mediaId)) {
                throw ApiException.invalid(
                        "source_id",
                        "Source " + found.id + " belongs to media " + found.mediaId + ", not " + request.mediaId()
                                + ".");
            }
            if (!Source.READY.equals(found.status)) {
                throw ApiException.conflict(
                        "source_not_ready",
                        "Source " + found.id + " is " + found.status + "; it can be transformed once it is ready.");
            }
            return media.findById(found.mediaId).chain(this::requireReady).replaceWith(found);
        });
    }

    private Uni<Void> requireReady(Media found) {
        if (!Media.READY.equals(found.status)) {
            return Uni.createFrom()
                    .failure(ApiException.conflict(
                            "media_not_ready", "Media " + found.id + " is " + found.status + "; " + READY_ONLY + "."));
        }
        return Uni.createFrom().voidItem();
    }

    private static TransformSpec validate(TransformRequest request, Source input) {
        try {
            return TransformOptions.validate(request.kind(), request.options(), TransformInputs.facts(input));
        } catch (ApiException e) {
            throw new ApiException(e.status(), e.code(), e.getMessage(), request.param(e.param()));
        }
    }
}
