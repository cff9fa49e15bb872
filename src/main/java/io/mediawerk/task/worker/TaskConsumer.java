package io.mediawerk.task.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediawerk.task.TaskJob;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A task family's Kafka consumer: each consumer (the channel's {@code concurrency}) runs one task at a time on a
 * thread of its own, so that number bounds this instance's running tasks. The message is acknowledged when the
 * task has ended here; the task's state lives in the database, not in the offset.
 */
public abstract class TaskConsumer {

    private static final Duration HAND_BACK_WAIT = Duration.ofSeconds(10);

    private final TaskRunner runner;
    private final TaskWork<?> work;
    private final ObjectMapper json;
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor;

    protected TaskConsumer(TaskRunner runner, TaskWork<?> work, ObjectMapper json, String threadName) {
        this.runner = runner;
        this.work = work;
        this.json = json;
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, threadName + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The family's work this consumer runs (for tests that run a task directly). */
    public TaskWork<?> work() {
        return work;
    }

    /** Runs the task a message names; completes when it has ended here. */
    protected CompletionStage<Void> run(String payload) {
        TaskJob job;
        try {
            job = json.readValue(payload, TaskJob.class);
        } catch (Exception e) {
            Log.errorf("Skipping a %s message that is not a job: %s", work.noun(), e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        try {
            return CompletableFuture.runAsync(
                    () -> {
                        try {
                            runJob(job.taskId());
                        } catch (RuntimeException e) {
                            Log.errorf(
                                    e,
                                    "%s %s could not be run; it is rescued when its lease expires",
                                    work.noun(),
                                    job.taskId());
                        }
                    },
                    executor);
        } catch (RejectedExecutionException e) {
            // stopping: never acknowledged, so the message is delivered again to a consumer that runs
            return new CompletableFuture<>();
        }
    }

    /** Runs the task a message names, until it has ended here. */
    protected void runJob(String taskId) {
        runner.run(work, taskId);
    }

    /**
     * On SIGTERM: each running task's program is killed and the task handed back to the topic (see {@link
     * TaskRunner}), while the database can still be reached; a task that cannot be handed back in time is rescued
     * when its lease runs out. Runs before other shutdown observers, while the database pool is open.
     */
    protected void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(HAND_BACK_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                Log.warnf("%ss still running at shutdown are left to the rescue of expired leases", work.noun());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
