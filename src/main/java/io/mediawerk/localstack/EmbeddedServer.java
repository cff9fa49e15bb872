package io.mediawerk.localstack;

/** One component of the embedded stack; start and stop may be called again to simulate an outage. */
interface EmbeddedServer {

    String name();

    void start();

    void stop();
}
