package io.mediawerk.workflow.definition;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Optional;

/**
 * A workflow's steps, validated: every kind known, labels unique, every input naming an earlier transform step
 * the step can rely on, conditions well-formed. Options are checked separately ({@link StepOptionChecks}), against
 * the inputs a step may get.
 *
 * @param steps every step, branches included, in reading order
 * @param json the definition as stored and shown: each step an object with its options under {@code options}
 */
public record Definition(List<WorkflowStep> steps, ArrayNode json) {

    public Optional<WorkflowStep> step(String path) {
        return steps.stream().filter(step -> step.path().equals(path)).findFirst();
    }

    /** The step whose output {@code step} reads; empty when it reads the original. */
    public Optional<WorkflowStep> inputOf(WorkflowStep step) {
        if (step.input() == null) {
            return Optional.empty();
        }
        return steps.stream()
                .filter(other -> step.input().equals(other.label()))
                .findFirst();
    }
}
