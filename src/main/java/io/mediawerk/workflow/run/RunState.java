package io.mediawerk.workflow.run;

import java.util.ArrayList;
import java.util.List;

/** Every step of a run, in the order of its definition; stored as JSON in the run's row. */
public class RunState {

    public List<RunStep> steps = new ArrayList<>();

    RunStep at(String path) {
        return steps.stream().filter(step -> step.path.equals(path)).findFirst().orElseThrow();
    }
}
