package io.mediawerk.transform.plan;

import java.util.List;

/**
 * One program run.
 *
 * @param command the full argument list, program first ("ffmpeg" or "heif-convert", found on the PATH)
 * @param mediaSeconds the duration in seconds of what the step writes, so that ffmpeg's {@code out_time} divided by it
 *     is the step's progress; null when the step reports no progress
 * @param weight this step's share of the task's progress; the weights of a plan add up to 1
 */
public record Step(List<String> command, Double mediaSeconds, double weight) {

    public Step {
        command = List.copyOf(command);
    }

    Step withWeight(double newWeight) {
        return new Step(command, mediaSeconds, newWeight);
    }
}
