package io.mediawerk.storage;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import software.amazon.awssdk.crt.CRT;

/**
 * Keeps the AWS CRT (the native HTTP client under the async S3 client) alive until Mediawerk has shut down. The CRT
 * tears itself down in a JVM shutdown hook, which runs at SIGTERM beside Quarkus' graceful shutdown: uploads still
 * streaming in and tasks being handed back would then wait forever for S3. Holding a shutdown reference moves the
 * teardown to the end of our own shutdown, after the HTTP requests have drained.
 */
@ApplicationScoped
public class CrtLifetime {

    void onStart(@Observes StartupEvent event) {
        CRT.acquireShutdownRef();
    }

    void onStop(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) ShutdownEvent event) {
        CRT.releaseShutdownRef();
    }
}
