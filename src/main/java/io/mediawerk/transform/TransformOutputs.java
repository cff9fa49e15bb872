package io.mediawerk.transform;

import io.mediawerk.storage.StorageKeys;
import io.mediawerk.task.Task;

/**
 * Where a transform's files go in S3: under its reserved output source, one folder per attempt, so that a worker
 * that lost its task (cancelled, or taken over after a stall) never overwrites the files of the run that counts.
 */
public final class TransformOutputs {

    private TransformOutputs() {
    }

    /** Every attempt's files, ending in '/'. */
    public static String prefix(Task task) {
        return StorageKeys.source(task.projectId, task.mediaId, task.outputSourceId) + "/";
    }

    /** One attempt's files, ending in '/'. */
    public static String attemptPrefix(Task task, int attempt) {
        return prefix(task) + attempt + "/";
    }
}
