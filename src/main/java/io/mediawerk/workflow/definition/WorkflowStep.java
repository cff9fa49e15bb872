package io.mediawerk.workflow.definition;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One step of a validated workflow definition, with its place in it.
 *
 * @param path where the step is in the definition, e.g. {@code steps[1].next[0]}; names it in errors and runs
 * @param order its position when the definition is read top to bottom (branches where they stand)
 * @param container the list holding it, e.g. {@code steps} or {@code steps[1].next}
 * @param label names the step and its output source; null for a conditions step without one
 * @param input the label of the step whose output it reads; null to read the media's original
 * @param options the options as given (transform and intelligence steps); checked again on the real input when
 *     the step runs
 * @param conditions what a conditions step checks, all of which must hold for its {@code next} branch
 * @param parent the path of the conditions step whose branch holds this step; null at the top
 * @param inElse true when the step is in its parent's {@code else} branch
 */
public record WorkflowStep(
        String path,
        int order,
        String container,
        String kind,
        StepFamily family,
        String label,
        String input,
        ObjectNode options,
        List<Condition> conditions,
        String parent,
        boolean inElse) {

    public boolean isConditions() {
        return family == StepFamily.CONDITIONS;
    }

    /** How errors and runs name the step: its path, and its label when it has one. */
    public String name() {
        return label == null ? path : path + " ('" + label + "')";
    }

    /** Whether a step here can rely on {@code other} having run: it is in the same list or in one around it. */
    boolean canSee(WorkflowStep other) {
        return container.equals(other.container) || container.startsWith(other.container + "[");
    }
}
