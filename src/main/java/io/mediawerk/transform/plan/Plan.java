package io.mediawerk.transform.plan;

import java.util.List;

/** The programs to run, in order, and what they produce. */
public record Plan(List<Step> steps, Output output) {

    public Plan {
        steps = List.copyOf(steps);
    }
}
