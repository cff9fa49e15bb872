package io.mediawerk.reactive;

import io.quarkus.vertx.SafeVertxContext;
import jakarta.inject.Singleton;

/** Marks the calling duplicated context safe (through Quarkus' public interceptor), then runs the work on it. */
@Singleton
public class SafeContextRunner {

    @SafeVertxContext
    public void run(Runnable work) {
        work.run();
    }
}
