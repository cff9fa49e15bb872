package io.mediawerk.database;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The database pool with bounds Quarkus has no settings for yet: a caller waits at most {@link #ACQUIRE_SECONDS}
 * for a connection (Vert.x waits 30 s by default) and at most {@link #WAITING} callers queue (unbounded by default),
 * so a database that stops answering turns requests into quick 503s instead of a growing queue.
 */
@ApplicationScoped
public class PoolLimits implements PgPoolCreator {

    static final int ACQUIRE_SECONDS = 2;
    static final int WAITING = 1024;

    @Override
    public Pool create(Input input) {
        PoolOptions options = new PoolOptions(input.poolOptions())
                .setConnectionTimeout(ACQUIRE_SECONDS)
                .setConnectionTimeoutUnit(TimeUnit.SECONDS)
                .setMaxWaitQueueSize(WAITING);
        return PgBuilder.pool()
                .with(options)
                .connectingTo(List.<SqlConnectOptions>copyOf(input.pgConnectOptionsList()))
                .using(input.vertx())
                .build();
    }
}
