package io.mediawerk.workflow.definition;

import io.mediawerk.intelligence.IntelligenceKinds;
import io.mediawerk.transform.plan.TransformOptions;
import java.util.TreeSet;

/** What a step's kind makes it: a transform (makes a source), an analysis, or a branch on the media's props. */
public enum StepFamily {
    TRANSFORM,
    INTELLIGENCE,
    CONDITIONS;

    public static final String CONDITIONS_KIND = "conditions";

    /** The family of a kind, or null for a kind no step can have. */
    static StepFamily of(String kind) {
        if (CONDITIONS_KIND.equals(kind)) {
            return CONDITIONS;
        }
        if (TransformOptions.KINDS.contains(kind)) {
            return TRANSFORM;
        }
        return IntelligenceKinds.KINDS.contains(kind) ? INTELLIGENCE : null;
    }

    static String kinds() {
        TreeSet<String> kinds = new TreeSet<>(TransformOptions.KINDS);
        kinds.addAll(IntelligenceKinds.KINDS);
        kinds.add(CONDITIONS_KIND);
        return String.join(", ", kinds);
    }
}
