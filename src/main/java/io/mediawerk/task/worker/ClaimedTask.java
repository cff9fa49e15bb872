package io.mediawerk.task.worker;

import io.mediawerk.source.Source;
import io.mediawerk.task.Task;

/** A task this worker now runs: detached copies of the task and its input, the attempt's number and the owner. */
public record ClaimedTask(Task task, Source input, int attempt, String owner) {}
