package io.mediawerk.project;

import io.smallrye.mutiny.Uni;

/** Removes one feature's data of a deleted project; runs inside the purge transaction. */
public interface ProjectDataPurger {

    Uni<Void> purge(String projectId);
}
