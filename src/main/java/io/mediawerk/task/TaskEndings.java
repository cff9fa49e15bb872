package io.mediawerk.task;

import io.smallrye.mutiny.Uni;

/** Told, in the same transaction, whenever a task ends (completed, failed or cancelled), so runs can move on. */
public interface TaskEndings {

    Uni<Void> ended(Task task);
}
