package io.mediawerk.jobs;

/** The Kafka topics of Mediawerk, one per job family; workers scale up to each topic's partition count. */
public final class Topics {

    public static final String INGEST = "mediawerk.ingest";
    public static final String TRANSFORM = "mediawerk.transform";
    public static final String INTELLIGENCE = "mediawerk.intelligence";
    public static final String EVENTS = "mediawerk.events";

    public static final String[] ALL = {INGEST, TRANSFORM, INTELLIGENCE, EVENTS};

    private Topics() {}
}
