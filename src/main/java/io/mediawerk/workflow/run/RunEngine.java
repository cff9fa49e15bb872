package io.mediawerk.workflow.run;

import io.mediawerk.api.ApiException;
import io.mediawerk.api.Ids;
import io.mediawerk.api.Times;
import io.mediawerk.events.EventType;
import io.mediawerk.events.Events;
import io.mediawerk.intelligence.IntelligenceService;
import io.mediawerk.media.Media;
import io.mediawerk.media.MediaRepository;
import io.mediawerk.reactive.InTurn;
import io.mediawerk.source.Source;
import io.mediawerk.source.SourceRepository;
import io.mediawerk.task.Task;
import io.mediawerk.task.TaskEndings;
import io.mediawerk.task.TaskQueue;
import io.mediawerk.task.TaskRepository;
import io.mediawerk.workflow.Workflow;
import io.mediawerk.workflow.WorkflowService;
import io.mediawerk.workflow.definition.Definition;
import io.mediawerk.workflow.definition.MediaFacts;
import io.mediawerk.workflow.definition.StepFamily;
import io.mediawerk.workflow.definition.StepOptions;
import io.mediawerk.workflow.definition.WorkflowStep;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Moves runs forward. Every call runs in the caller's transaction (the one that made the media ready, or that ended
 * a task), so a run's state and the tasks it queues commit together with what caused them: a crash anywhere leaves
 * a run either before or after a step, never between. Steps are ordinary tasks: a step starts as soon as its input
 * is there, so independent steps run in parallel on whichever workers are free.
 */
@ApplicationScoped
public class RunEngine implements TaskEndings {

    static final String DEPENDENCY_FAILED = "dependency_failed";

    private final RunRepository runs;
    private final TaskRepository tasks;
    private final MediaRepository media;
    private final SourceRepository sources;
    private final WorkflowService workflows;
    private final IntelligenceService intelligence;
    private final TaskQueue queue;
    private final Events events;

    public RunEngine(
            RunRepository runs,
            TaskRepository tasks,
            MediaRepository media,
            SourceRepository sources,
            WorkflowService workflows,
            IntelligenceService intelligence,
            TaskQueue queue,
            Events events) {
        this.runs = runs;
        this.tasks = tasks;
        this.media = media;
        this.sources = sources;
        this.workflows = workflows;
        this.intelligence = intelligence;
        this.queue = queue;
        this.events = events;
    }

    /** Starts a run of the workflow as it is now; the steps that can start do, in the same transaction. */
    public Uni<WorkflowRun> start(Workflow workflow, Media target, Source original, String trigger) {
        Definition definition = workflows.definitionOf(workflow.definition);
        WorkflowRun run = new WorkflowRun();
        run.id = Ids.newId("run");
        run.projectId = workflow.projectId;
        run.workflowId = workflow.id;
        run.mediaId = target.id;
        run.trigger = trigger;
        run.status = WorkflowRun.RUNNING;
        run.definition = workflow.definition;
        run.state = new RunState();
        definition
                .steps()
                .forEach(step -> run.state.steps.add(RunStep.waiting(step.path(), step.label(), step.kind())));
        run.created = Times.now();
        run.updated = run.created;
        return runs.persist(run)
                .chain(() -> advance(run, definition, target, original))
                .replaceWith(run);
    }

    @Override
    public Uni<Void> ended(Task task) {
        if (task.workflowRunId == null) {
            return Uni.createFrom().voidItem();
        }
        return runs.lock(task.workflowRunId)
                .chain(run -> run == null || run.isFinished() ? Uni.createFrom().voidItem() : settle(run));
    }

    /**
     * Brings a locked run up to date with its tasks (whichever ended since it last moved), then moves it on. A
     * run whose media was deleted is cancelled; its tasks are cancelled by their workers.
     */
    Uni<Void> settle(WorkflowRun run) {
        return media.findById(run.mediaId).chain(found -> {
            if (found == null || found.isDeleted()) {
                run.state.steps.stream().filter(RunStep::isOpen).forEach(RunStep::skipped);
                run.end(WorkflowRun.CANCELLED);
                return Uni.createFrom().voidItem();
            }
            return syncRunningSteps(run)
                    .chain(() -> sources.findOriginal(found.id))
                    .chain(original -> advance(run, workflows.definitionOf(run.definition), found, original));
        });
    }

    private Uni<Void> syncRunningSteps(WorkflowRun run) {
        List<RunStep> running = run.state.steps.stream()
                .filter(step -> step.is(RunStep.RUNNING))
                .toList();
        return InTurn.each(running, step -> tasks.findById(step.taskId).invoke(task -> record(step, task)));
    }

    private static void record(RunStep step, Task task) {
        if (task == null) {
            step.failed("task_deleted", "Its task " + step.taskId + " was deleted before it finished.");
        } else if (Task.COMPLETED.equals(task.status)) {
            step.completed(null);
        } else if (Task.FAILED.equals(task.status)) {
            step.failed(task.errorCode, task.error);
        } else if (Task.CANCELLED.equals(task.status)) {
            step.failed("task_cancelled", "Its task " + task.id + " was cancelled.");
        }
    }

    /** One pass in definition order starts every step whose branch is decided and whose input is there. */
    private Uni<Void> advance(WorkflowRun run, Definition definition, Media target, Source original) {
        MediaFacts facts = MediaFacts.of(target, original);
        return InTurn.each(definition.steps(), step -> visit(run, definition, step, facts, original))
                .chain(() -> finishIfDone(run));
    }

    private Uni<Void> visit(
            WorkflowRun run, Definition definition, WorkflowStep step, MediaFacts facts, Source original) {
        RunStep state = run.state.at(step.path());
        if (!state.is(RunStep.WAITING)) {
            return Uni.createFrom().voidItem();
        }
        if (step.parent() != null) {
            RunStep branch = run.state.at(step.parent());
            if (branch.is(RunStep.SKIPPED)
                    || branch.is(RunStep.COMPLETED) && Boolean.TRUE.equals(branch.matched) == step.inElse()) {
                state.skipped();
                return Uni.createFrom().voidItem();
            }
            if (!branch.is(RunStep.COMPLETED)) {
                return Uni.createFrom().voidItem();
            }
        }
        if (step.isConditions()) {
            state.completed(step.conditions().stream().allMatch(condition -> condition.matches(facts)));
            return Uni.createFrom().voidItem();
        }
        WorkflowStep inputStep = definition.inputOf(step).orElse(null);
        if (inputStep == null) {
            return startTask(run, step, state, original);
        }
        RunStep input = run.state.at(inputStep.path());
        if (input.is(RunStep.FAILED)) {
            state.failed(
                    DEPENDENCY_FAILED,
                    "Step " + inputStep.name() + " failed, so this step, which reads its " + "output, did not run.");
            return Uni.createFrom().voidItem();
        }
        if (input.is(RunStep.SKIPPED)) {
            state.skipped();
            return Uni.createFrom().voidItem();
        }
        if (!input.is(RunStep.COMPLETED)) {
            return Uni.createFrom().voidItem();
        }
        return sources.findById(input.sourceId).chain(source -> {
            if (source == null) {
                state.failed(
                        "input_deleted",
                        "The source " + input.sourceId + " that step " + inputStep.name()
                                + " made was deleted before this step could read it.");
                return Uni.createFrom().voidItem();
            }
            return startTask(run, step, state, source);
        });
    }

    /** Queues the step's task; a step whose options do not fit the real input fails here, with the reason. */
    private Uni<Void> startTask(WorkflowRun run, WorkflowStep step, RunStep state, Source input) {
        Map<String, Object> options;
        try {
            options = StepOptions.on(step, input, intelligence.kindsWithoutProvider());
        } catch (ApiException e) {
            state.failed("unsuitable_input", "It cannot run on " + describe(input) + ": " + e.getMessage());
            return Uni.createFrom().voidItem();
        }
        boolean transform = step.family() == StepFamily.TRANSFORM;
        Task task =
                Task.pending(input, transform ? Task.TRANSFORM : Task.INTELLIGENCE, step.kind(), options, step.label());
        task.workflowRunId = run.id;
        state.running(task.id, task.outputSourceId);
        return queue.enqueue(task);
    }

    private Uni<Void> finishIfDone(WorkflowRun run) {
        run.updated = Times.now();
        List<RunStep> steps = run.state.steps;
        if (steps.stream().anyMatch(RunStep::isOpen)) {
            return Uni.createFrom().voidItem();
        }
        RunStep failed = steps.stream()
                .filter(step -> step.is(RunStep.FAILED))
                .min((a, b) ->
                        Boolean.compare(DEPENDENCY_FAILED.equals(a.errorCode), DEPENDENCY_FAILED.equals(b.errorCode)))
                .orElse(null);
        if (failed == null) {
            run.end(WorkflowRun.COMPLETED);
            return events.emit(EventType.WORKFLOW_COMPLETED, run.projectId, RunView.of(run));
        }
        run.errorCode = failed.errorCode;
        run.error = "Step " + failed.path + (failed.label == null ? "" : " ('" + failed.label + "')") + " failed: "
                + failed.error;
        run.end(WorkflowRun.FAILED);
        return events.emit(EventType.WORKFLOW_FAILED, run.projectId, RunView.of(run));
    }

    private static String describe(Source input) {
        return Source.ORIGINAL.equals(input.label)
                ? "this media's original (" + input.kind + ")"
                : "source " + input.id + " (" + input.kind + ", " + input.container + ")";
    }
}
