package io.mediawerk.reactive;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one way to move work onto a Vert.x context that Hibernate Reactive accepts for its session: a duplicated
 * context marked safe, so that two pieces of work never share a session.
 */
@ApplicationScoped
public class OwnContexts {

    private final Vertx vertx;
    private final SafeContextRunner safe;

    public OwnContexts(Vertx vertx, SafeContextRunner safe) {
        this.vertx = vertx;
        this.safe = safe;
    }

    /** Runs work on a new context of its own (background work, one context per piece of work). */
    public void runOnNew(Runnable work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        context.runOnContext(ignored -> safe.run(work));
    }

    /** Runs work on the current request's context, duplicated first if it is not (raw Vert.x routes). */
    public void runOnCurrent(Runnable work) {
        Context current = Vertx.currentContext();
        Context duplicated = VertxContext.getOrCreateDuplicatedContext(current);
        if (duplicated == current) {
            safe.run(work);
        } else {
            duplicated.runOnContext(ignored -> safe.run(work));
        }
    }
}
