package io.mediawerk.task.worker;

import io.mediawerk.api.Outages;
import io.mediawerk.api.Times;
import io.mediawerk.config.TransformSettings;
import io.mediawerk.task.TaskRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs one task end to end on a worker thread: claim it, run it while a heartbeat stores progress and renews the
 * lease (and notices a cancel), then record the result. Failures that may pass are retried with backoff; failures
 * of the media fail the task at once with the reason. What a task does is its family's {@link TaskWork}.
 */
@ApplicationScoped
public class TaskRunner {

    private static final int RETRIES = 3;
    /** How long a message waits for the database before its task is claimed (the consumer waits with it). */
    private static final Duration CLAIM_PATIENCE = Duration.ofMinutes(10);
    /** How long a finished run waits for the database to record it before the task is left to the rescue. */
    private static final Duration RECORD_PATIENCE = Duration.ofMinutes(2);

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);

    /** This process among the workers: what {@code lease_owner} shows. */
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    private final TaskRepository tasks;
    private final Duration lease;
    private final Duration heartbeatEvery;
    private final ScheduledExecutorService heartbeats = Executors.newScheduledThreadPool(1, runnable -> {
        Thread thread = new Thread(runnable, "task-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    public TaskRunner(TaskRepository tasks, TransformSettings transformSettings) {
        this.tasks = tasks;
        this.lease = transformSettings.lease();
        this.heartbeatEvery = transformSettings.heartbeatEvery();
    }

    /** This process among the workers, as leases name it. */
    public String owner() {
        return owner;
    }

    /** Runs {@code beat} every heartbeat interval until the returned future is cancelled (a task's, or a part's). */
    public ScheduledFuture<?> everyHeartbeat(Runnable beat) {
        return heartbeats.scheduleWithFixedDelay(
                beat, heartbeatEvery.toMillis(), heartbeatEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        heartbeats.shutdownNow();
    }

    /** Blocks until the task has ended here one way or another; never throws for the task's own failures. */
    public <R> void run(TaskWork<R> work, String taskId) {
        String noun = work.noun();
        ClaimedTask claimed = recorded(() -> work.claim(taskId, owner), CLAIM_PATIENCE);
        if (claimed == null) {
            return;
        }
        long started = System.nanoTime();
        RunControl control = new RunControl();
        ScheduledFuture<?> heartbeat = everyHeartbeat(() -> beat(claimed, control));
        try {
            R result = runWithRetries(work, claimed, control);
            heartbeat.cancel(false);
            boolean counted = recorded(() -> work.complete(claimed, result, elapsed(started)), RECORD_PATIENCE);
            if (!counted) {
                Log.infof("%s %s ended elsewhere (cancelled or taken over); its result is discarded", noun, taskId);
            }
        } catch (CancellationException e) {
            Log.infof("%s %s handed back: this worker is stopping", noun, taskId);
            Thread.interrupted(); // so that the hand-back can still wait for the database
            await(() -> work.handBack(claimed));
            Thread.currentThread().interrupt();
        } catch (TaskLost e) {
            Log.infof("%s %s stopped: it was cancelled, its media deleted, or taken over", noun, taskId);
            await(() -> work.abandon(claimed));
        } catch (TaskFailure e) {
            recorded(() -> work.fail(claimed, e.code(), e.getMessage(), elapsed(started)), RECORD_PATIENCE);
        } catch (TransientFailure e) {
            Log.warnf(e, "%s %s failed %d times", noun, taskId, RETRIES);
            await(() -> work.fail(
                    claimed,
                    "storage_unavailable",
                    "Storage could not be reached while the task " + "ran; create it again later.",
                    elapsed(started)));
        } catch (RuntimeException e) {
            if (Outages.isDependencyDown(e)) {
                // nothing can be recorded now; the lease expires and the task is rescued when the database is back
                Log.warnf("%s %s could not be recorded: %s", noun, taskId, e.toString());
                return;
            }
            Log.errorf(e, "%s %s failed", noun, taskId);
            await(() -> work.fail(
                    claimed, "internal_error", "The task failed because of an error on our side.", elapsed(started)));
        } finally {
            heartbeat.cancel(false);
        }
    }

    private <R> R runWithRetries(TaskWork<R> work, ClaimedTask claimed, RunControl control) {
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            try {
                return work.run(claimed, control);
            } catch (TransientFailure e) {
                if (attempt == RETRIES) {
                    throw e;
                }
                Log.infof("Task %s: %s; trying again in %d s", claimed.task().id, e.getMessage(), backoff.toSeconds());
                sleep(backoff);
                control.checkOwned();
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private void beat(ClaimedTask claimed, RunControl control) {
        try {
            boolean owned = await(() -> Panache.withTransaction(() -> tasks.heartbeat(
                    claimed.task().id, owner, control.progress(), Times.now().plus(lease), Times.now())));
            if (!owned) {
                control.lose();
            }
        } catch (RuntimeException e) {
            // the database is away for a moment: the lease may lapse and another worker take over, which the
            // ledger then notices when this run ends
            Log.debugf("Heartbeat of task %s failed: %s", claimed.task().id, e.toString());
        }
    }

    /** Like {@link #await}, waiting out a database outage for up to {@code patience}. */
    private static <T> T recorded(Supplier<Uni<T>> work, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        Duration pause = Duration.ofSeconds(1);
        while (true) {
            try {
                return await(work);
            } catch (RuntimeException e) {
                if (!Outages.isDependencyDown(e) || System.nanoTime() + pause.toNanos() > deadline) {
                    throw e;
                }
                Log.infof("The database is unavailable (%s); trying again in %d s", e.toString(), pause.toSeconds());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                        ? Duration.ofSeconds(30)
                        : pause.multipliedBy(2);
            }
        }
    }

    /** Runs reactive work (a transaction) from a worker thread on a Vert.x context and waits for its result. */
    public static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e);
        }
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Stopping");
        }
    }
}
