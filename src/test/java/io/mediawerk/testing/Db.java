package io.mediawerk.testing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/** Runs Hibernate Reactive work from a test thread, on a Vert.x context, and waits for it. */
public final class Db {

    private Db() {}

    public static <T> T inSession(Supplier<Uni<T>> work) {
        return await(() -> Panache.withSession(work::get));
    }

    public static <T> T inTransaction(Supplier<Uni<T>> work) {
        return await(() -> Panache.withTransaction(work::get));
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
