package io.mediawerk.workflow.definition;

import io.mediawerk.intelligence.IntelligenceKinds;
import io.mediawerk.source.Source;
import io.mediawerk.transform.TransformInputs;
import io.mediawerk.transform.plan.TransformOptions;
import java.util.Map;
import java.util.Set;

/** A step's options checked against one input, with every default filled in: what its task runs with. */
public final class StepOptions {

    private StepOptions() {}

    /**
     * @param withoutProvider the intelligence kinds that have no model provider configured
     * @throws io.mediawerk.api.ApiException as Create Transform / Create Intelligence Task would answer
     */
    public static Map<String, Object> on(WorkflowStep step, Source input, Set<String> withoutProvider) {
        if (step.family() == StepFamily.TRANSFORM) {
            return TransformOptions.validate(step.kind(), step.options(), TransformInputs.facts(input))
                    .options();
        }
        return IntelligenceKinds.validate(step.kind(), step.options(), input, withoutProvider);
    }
}
