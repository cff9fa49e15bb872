package io.mediawerk.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiException;
import io.mediawerk.api.ApiObject;
import io.mediawerk.api.Deleted;
import io.mediawerk.api.Fields;
import io.mediawerk.api.Ids;
import io.mediawerk.api.JsonFields;
import io.mediawerk.api.Page;
import io.mediawerk.api.PageRequest;
import io.mediawerk.api.ProjectLists;
import io.mediawerk.api.Times;
import io.mediawerk.intelligence.IntelligenceService;
import io.mediawerk.project.ProjectRepository;
import io.mediawerk.workflow.definition.Definition;
import io.mediawerk.workflow.definition.DefinitionParser;
import io.mediawerk.workflow.definition.StepOptionChecks;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules of workflows at the API: a definition is checked whole when it is saved, never when it runs first. */
@ApplicationScoped
public class WorkflowService {

    static final int MAX_PER_PROJECT = 100;
    private static final Set<String> FIELDS = Set.of("name", "description", "status", "steps");
    private static final Set<String> STATUSES = Set.of(Workflow.ACTIVE, Workflow.PAUSED);
    private static final String DEFAULT_NAME = "Untitled workflow";

    private final WorkflowRepository workflows;
    private final ProjectRepository projects;
    private final IntelligenceService intelligence;
    private final ObjectMapper json;

    public WorkflowService(
            WorkflowRepository workflows,
            ProjectRepository projects,
            IntelligenceService intelligence,
            ObjectMapper json) {
        this.workflows = workflows;
        this.projects = projects;
        this.intelligence = intelligence;
        this.json = json;
    }

    @WithSession
    public Uni<Page<WorkflowView>> list(String projectId, PageRequest page) {
        return ProjectLists.page(workflows, projectId, page, WorkflowView::of);
    }

    @WithTransaction
    public Uni<WorkflowView> create(String projectId, ObjectNode body) {
        JsonFields fields = JsonFields.of(body, FIELDS);
        String name = fields.text("name", 100);
        String description = fields.text("description", 1000);
        String status = status(fields);
        Definition definition = definition(body.get("steps"));
        return workflows.count("projectId", projectId).chain(count -> {
            if (count >= MAX_PER_PROJECT) {
                throw ApiException.conflict(
                        "too_many_workflows",
                        "This project has " + count + " workflows, the "
                                + "most it may have. Delete one it no longer uses.");
            }
            Workflow workflow = new Workflow();
            workflow.id = Ids.newId("wfl");
            workflow.projectId = projectId;
            workflow.name = name == null || name.isBlank() ? DEFAULT_NAME : name;
            workflow.description = description;
            workflow.status = status == null ? Workflow.ACTIVE : status;
            workflow.definition = stored(definition);
            workflow.created = Times.now();
            workflow.updated = workflow.created;
            return workflows.persist(workflow).map(WorkflowView::of);
        });
    }

    @WithSession
    public Uni<WorkflowView> get(String projectId, String id) {
        return find(projectId, id).map(WorkflowView::of);
    }

    /** Changes what is given; runs already started keep the steps they started with. */
    @WithTransaction
    public Uni<WorkflowView> update(String projectId, String id, ObjectNode body) {
        JsonFields fields = JsonFields.of(body, FIELDS);
        String name = fields.text("name", 100);
        if (fields.isNull("name") || name != null && name.isBlank()) {
            throw ApiException.invalid("name", "Field 'name' must not be blank.");
        }
        String description = fields.text("description", 1000);
        String status = status(fields);
        if (fields.isNull("steps")) {
            throw ApiException.invalid("steps", "Field 'steps' cannot be null; a workflow needs at least one step.");
        }
        Definition definition = fields.has("steps") ? definition(body.get("steps")) : null;
        return find(projectId, id).map(workflow -> {
            if (name != null) {
                workflow.name = name;
            }
            if (fields.has("description")) {
                workflow.description = description;
            }
            if (status != null) {
                workflow.status = status;
            }
            if (definition != null) {
                workflow.definition = stored(definition);
            }
            workflow.updated = Times.now();
            return WorkflowView.of(workflow);
        });
    }

    /** Deletes the workflow; running runs finish, and a project that had it as its default has none. */
    @WithTransaction
    public Uni<ApiObject> delete(String projectId, String id) {
        return find(projectId, id)
                .chain(workflow -> projects.clearDefaultWorkflow(projectId, workflow.id)
                        .chain(() -> workflows.delete(workflow))
                        .replaceWith(Deleted.of(WorkflowView.of(workflow))));
    }

    public Uni<Workflow> find(String projectId, String id) {
        Fields.requireId(id, "wfl", "workflow");
        return workflows
                .findInProject(projectId, id)
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.notFound("workflow", id));
    }

    /** The definition of a stored workflow (or of a run's copy of it). */
    public Definition definitionOf(Map<String, Object> stored) {
        return DefinitionParser.parse(json.valueToTree(stored.get("steps")));
    }

    private Definition definition(JsonNode steps) {
        Definition definition = DefinitionParser.parse(steps);
        StepOptionChecks.check(definition, intelligence.kindsWithoutProvider());
        return definition;
    }

    private Map<String, Object> stored(Definition definition) {
        return Map.of("steps", json.convertValue(definition.json(), List.class));
    }

    private static String status(JsonFields fields) {
        String status = fields.text("status", 20);
        if (status != null && !STATUSES.contains(status) || fields.isNull("status")) {
            throw ApiException.invalid(
                    "status", "status must be active (runs on new media) or paused (does not " + "run).");
        }
        return status;
    }
}
