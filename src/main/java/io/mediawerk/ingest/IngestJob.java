package io.mediawerk.ingest;

/** The Kafka message that asks a worker to fetch and probe a media's original. */
public record IngestJob(String mediaId, String projectId) {}
