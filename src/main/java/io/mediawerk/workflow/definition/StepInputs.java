package io.mediawerk.workflow.definition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks the {@code input} of each step of a parsed definition: which outputs a step may read. */
final class StepInputs {

    private static final String THUMBNAILS = "thumbnails";

    private final List<WorkflowStep> steps;
    private final Map<String, WorkflowStep> byLabel;

    StepInputs(List<WorkflowStep> steps, Map<String, WorkflowStep> byLabel) {
        this.steps = steps;
        this.byLabel = byLabel;
    }

    /** An input must name an earlier transform step that always runs before this one. */
    void check(WorkflowStep step) {
        if (step.input() == null) {
            return;
        }
        StepErrors errors = new StepErrors(step.name());
        String param = step.path() + ".input";
        WorkflowStep source = byLabel.get(step.input());
        if (source == null) {
            throw errors.invalid(
                    param,
                    "no step is labelled '" + step.input() + "'. Labels in this workflow: "
                            + String.join(", ", labels()) + ".");
        }
        if (source == step) {
            throw errors.invalid(
                    param,
                    "a step cannot read its own output (that is a cycle); name an earlier "
                            + "step, or leave input out to read the original.");
        }
        if (source.order() > step.order()) {
            String cycle = cycleThrough(step, source);
            throw errors.invalid(
                    param,
                    cycle != null
                            ? "its input makes a cycle (" + cycle
                                    + "): these steps wait for each other's output. A step "
                                    + "can only read the output of a step before it."
                            : "input '" + step.input() + "' is " + source.path()
                                    + ", a later step; a step can only read " + "the output of a step before it. Move "
                                    + source.path() + " above this step.");
        }
        if (source.family() != StepFamily.TRANSFORM) {
            throw errors.invalid(
                    param,
                    "'" + step.input() + "' is "
                            + (source.isConditions()
                                    ? "a conditions step, which makes no output"
                                    : "an intelligence step: it makes data about the media (JSON), which no step can read")
                            + ". Name a transform step, or leave input out to read the original.");
        }
        if (THUMBNAILS.equals(source.kind())) {
            throw errors.invalid(
                    param,
                    "'" + step.input() + "' makes thumbnails (a sprite sheet and a WebVTT "
                            + "file), which no step can read.");
        }
        if (!step.canSee(source)) {
            throw errors.invalid(
                    param,
                    "'" + step.input() + "' is in " + source.container() + ", a branch this "
                            + "step is not part of, so it may not run. Move this step into that branch.");
        }
    }

    /** "a → b → a" when following inputs from {@code later} comes back to {@code step}; else null. */
    private String cycleThrough(WorkflowStep step, WorkflowStep later) {
        List<String> chain = new ArrayList<>(List.of(step.label()));
        Set<WorkflowStep> seen = new LinkedHashSet<>();
        WorkflowStep current = later;
        while (current != null && seen.add(current)) {
            chain.add(current.label());
            if (current == step) {
                return String.join(" → ", chain);
            }
            current = current.input() == null ? null : byLabel.get(current.input());
        }
        return null;
    }

    private List<String> labels() {
        return steps.stream()
                .filter(step -> step.label() != null && !step.isConditions())
                .map(WorkflowStep::label)
                .toList();
    }
}
