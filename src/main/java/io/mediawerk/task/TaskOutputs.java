package io.mediawerk.task;

import io.mediawerk.storage.StorageKeys;

/**
 * Where a task's files go in S3: under its reserved output source, one folder per attempt, so that a worker
 * that lost its task (cancelled, or taken over after a stall) never overwrites the files of the run that counts.
 */
public final class TaskOutputs {

    private TaskOutputs() {}

    /** Every attempt's files, ending in '/'. */
    public static String prefix(Task task) {
        return StorageKeys.source(task.projectId, task.mediaId, task.outputSourceId) + "/";
    }

    /** One attempt's files, ending in '/'. */
    public static String attemptPrefix(Task task, int attempt) {
        return prefix(task) + attempt + "/";
    }

    /**
     * The files of an output that is published while its task still runs (an HLS ladder whose rungs arrive one by
     * one), ending in '/'. Not per attempt: a later attempt writes the same names again, so each file is stored once.
     */
    public static String growingPrefix(Task task) {
        return prefix(task) + "live/";
    }
}
