package io.mediawerk.task;

/** The Kafka message for a task: only its id; everything else is read from the database when it runs. */
public record TaskJob(String taskId) {}
