package io.mediawerk.storage;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The S3 client completes its futures on its own threads; a Uni made here resumes on the Vert.x context of the
 * caller instead, so that the next step may use Hibernate Reactive.
 */
final class OnCallerContext {

    private OnCallerContext() {}

    static <T> Uni<T> uni(Supplier<? extends CompletionStage<? extends T>> stage) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            Uni<T> uni = Uni.createFrom().completionStage(stage.get()).map(value -> (T) value);
            return context == null ? uni : uni.emitOn(task -> context.runOnContext(ignored -> task.run()));
        });
    }
}
