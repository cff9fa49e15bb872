package io.mediawerk.workflow.definition;

import io.mediawerk.api.ApiException;
import io.mediawerk.source.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks every step's options when a workflow is saved, before any media exists: the options must fit at least
 * one input the step could get (any original for a step without input; what the named step makes otherwise).
 * What depends on the real media (a silent video given to an audio step) is decided when the step runs.
 */
public final class StepOptionChecks {

    private static final Set<String> INPUT_PARAMS = Set.of("kind", "input", "media_id");

    private StepOptionChecks() {}

    public static void check(Definition definition, Set<String> withoutProvider) {
        Map<String, List<Source>> outputs = new HashMap<>();
        for (WorkflowStep step : definition.steps()) {
            if (step.isConditions()) {
                continue;
            }
            List<Source> candidates = step.input() == null ? CandidateInputs.original() : outputs.get(step.input());
            StepErrors errors = new StepErrors(step.name());
            if (candidates.isEmpty()) {
                throw errors.invalid(
                        step.path() + ".input",
                        "'" + step.input() + "' makes a source that no step "
                                + "can read (an HLS stream is many files); name another step.");
            }
            outputs.put(step.label(), check(step, candidates, withoutProvider, errors));
        }
    }

    /** What the step makes from the candidates it accepts; a 400 when it accepts none. */
    private static List<Source> check(
            WorkflowStep step, List<Source> candidates, Set<String> withoutProvider, StepErrors errors) {
        List<Source> made = new ArrayList<>();
        ApiException optionError = null;
        ApiException inputError = null;
        boolean accepted = false;
        for (Source candidate : candidates) {
            try {
                Map<String, Object> options = StepOptions.on(step, candidate, withoutProvider);
                accepted = true;
                if (step.family() == StepFamily.TRANSFORM) {
                    CandidateInputs.output(step.kind(), options, candidate).ifPresent(made::add);
                }
            } catch (ApiException e) {
                if ("provider_not_configured".equals(e.code())) {
                    throw errors.withStatus(e.status(), e.code(), step.path() + ".kind", e.getMessage());
                }
                if (e.param() == null || INPUT_PARAMS.contains(e.param())) {
                    inputError = inputError == null ? e : inputError;
                } else {
                    optionError = optionError == null ? e : optionError;
                }
            }
        }
        if (accepted) {
            return made;
        }
        if (optionError != null) {
            throw errors.invalid(optionParam(step, optionError.param()), optionError.getMessage());
        }
        if (step.input() == null) {
            throw errors.invalid(step.path() + ".kind", inputError.getMessage());
        }
        throw errors.invalid(
                step.path() + ".input", "it cannot read what '" + step.input() + "' makes: " + inputError.getMessage());
    }

    private static String optionParam(WorkflowStep step, String param) {
        return step.path() + "." + (param.startsWith("options.") ? param : "options." + param);
    }
}
