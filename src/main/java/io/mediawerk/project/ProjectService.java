package io.mediawerk.project;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiException;
import io.mediawerk.api.Fields;
import io.mediawerk.api.Ids;
import io.mediawerk.api.JsonFields;
import io.mediawerk.api.Page;
import io.mediawerk.api.PageRequest;
import io.mediawerk.api.RateLimit;
import io.mediawerk.api.Times;
import io.mediawerk.config.PlaybackSettings;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** The rules of projects: every call is confined to the caller's organisation. */
@ApplicationScoped
public class ProjectService {

    static final int MAX_NAME = 100;
    private static final String DEFAULT_WORKFLOW = "default_workflow_id";
    private static final String PRIVATE_DELIVERY = "private_delivery";
    private static final String PLAYBACK = "playback";
    private static final String RATE_LIMIT = "rate_limit";
    private static final Set<String> UPDATABLE =
            Set.of("name", DEFAULT_WORKFLOW, PRIVATE_DELIVERY, PLAYBACK, RATE_LIMIT);

    private final ProjectRepository projects;
    private final WorkflowReferences workflows;
    private final boolean autoPlayback;

    public ProjectService(ProjectRepository projects, WorkflowReferences workflows, PlaybackSettings playback) {
        this.projects = projects;
        this.workflows = workflows;
        this.autoPlayback = playback.auto();
    }

    @WithSession
    public Uni<Page<ProjectView>> list(String orgId, PageRequest page) {
        return projects.countLive(orgId)
                .chain(total -> projects.listLive(orgId, page)
                        .map(list -> new Page<>(list.stream().map(this::view).toList(), total, page)));
    }

    @WithTransaction
    public Uni<ProjectView> create(String orgId, ProjectInput input) {
        Project project = new Project();
        project.id = Ids.newId("prj");
        project.orgId = orgId;
        project.name = Fields.requireText("name", input.name(), MAX_NAME);
        project.created = Times.now();
        project.updated = project.created;
        return projects.persist(project).map(this::view);
    }

    @WithSession
    public Uni<ProjectView> get(String orgId, String id) {
        return live(orgId, id).map(this::view);
    }

    /** Changes the name and the default workflow ({@code null} for none: new media then run no workflow). */
    @WithTransaction
    public Uni<ProjectView> update(String orgId, String id, ObjectNode body) {
        JsonFields fields = JsonFields.of(body, UPDATABLE);
        String name = fields.text("name", MAX_NAME);
        if (fields.isNull("name") || name != null && name.isBlank()) {
            throw ApiException.invalid("name", "Field 'name' must not be blank.");
        }
        String workflowId = fields.text(DEFAULT_WORKFLOW, 40);
        Boolean privateDelivery = fields.bool(PRIVATE_DELIVERY);
        Boolean playbackAuto = playbackAuto(fields);
        RateLimit rateLimit = rateLimit(fields);
        if (fields.isNull(PRIVATE_DELIVERY)) {
            throw ApiException.invalid(
                    PRIVATE_DELIVERY,
                    PRIVATE_DELIVERY + " must be true (files only through " + "signed URLs) or false.");
        }
        return live(orgId, id)
                .call(project -> workflows.check(project.id, workflowId, DEFAULT_WORKFLOW))
                .map(project -> {
                    if (name != null) {
                        project.name = name;
                    }
                    if (fields.has(DEFAULT_WORKFLOW)) {
                        project.defaultWorkflowId = workflowId;
                    }
                    if (privateDelivery != null) {
                        project.privateDelivery = privateDelivery;
                    }
                    if (fields.has(PLAYBACK)) {
                        project.playbackAuto = playbackAuto;
                    }
                    if (fields.has(RATE_LIMIT)) {
                        project.ratePerSecond = rateLimit == null ? null : rateLimit.perSecond();
                        project.rateBurst = rateLimit == null ? null : rateLimit.burst();
                    }
                    project.updated = Times.now();
                    return view(project);
                });
    }

    /** Marks the project deleted; from now on it answers 404 and {@link ProjectPurger} removes its data. */
    @WithTransaction
    public Uni<ProjectView> delete(String orgId, String id) {
        return live(orgId, id).map(project -> {
            project.deleted = Times.now();
            project.updated = project.deleted;
            return view(project);
        });
    }

    /** {@code "playback": {"auto": true|false}}; {@code null} for the instance's default. */
    private static Boolean playbackAuto(JsonFields fields) {
        if (!fields.has(PLAYBACK) || fields.isNull(PLAYBACK)) {
            return null;
        }
        JsonFields playback = fields.nested(PLAYBACK, Set.of("auto"));
        if (!playback.has("auto")) {
            throw ApiException.invalid(
                    PLAYBACK + ".auto", "playback takes {\"auto\": true} or {\"auto\": false}; auto is missing.");
        }
        return playback.bool("auto");
    }

    /** {@code "rate_limit": {"per_second": N, "burst": M}}; {@code null} for the instance's defaults. */
    private static RateLimit rateLimit(JsonFields fields) {
        if (!fields.has(RATE_LIMIT) || fields.isNull(RATE_LIMIT)) {
            return null;
        }
        JsonFields limit = fields.nested(RATE_LIMIT, Set.of("per_second", "burst"));
        return new RateLimit((int) positive(limit, RATE_LIMIT + ".per_second", "per_second"), (int)
                positive(limit, RATE_LIMIT + ".burst", "burst"));
    }

    private static long positive(JsonFields fields, String path, String name) {
        Long value = fields.integer(name);
        if (value == null || value < 1 || value > RateLimit.MAX) {
            throw ApiException.invalid(
                    path,
                    "rate_limit takes {\"per_second\": N, \"burst\": M}, both whole numbers from 1 to " + RateLimit.MAX
                            + " (null for the defaults); " + name + " is " + (value == null ? "missing" : value) + ".");
        }
        return value;
    }

    private ProjectView view(Project project) {
        return ProjectView.of(project, autoPlayback);
    }

    /** A live project of this organisation, or 404 (also for another organisation's project). */
    @WithSession
    public Uni<Project> live(String orgId, String id) {
        Fields.requireId(id, "prj", "project");
        return projects.findLive(orgId, id).onItem().ifNull().failWith(() -> ApiException.notFound("project", id));
    }
}
