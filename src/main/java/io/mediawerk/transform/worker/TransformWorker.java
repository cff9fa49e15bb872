package io.mediawerk.transform.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediawerk.task.TaskJob;
import io.mediawerk.task.worker.TaskRunner;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
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
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The worker role's transform consumer. Each consumer (see {@code mp.messaging.incoming.transforms.concurrency})
 * runs one task at a time on its own thread, so that number bounds the ffmpeg processes of this instance. The
 * message is acknowledged when the task has ended here; the task's state lives in the database, not in the offset.
 */
@ApplicationScoped
public class TransformWorker {

    private static final Duration HAND_BACK_WAIT = Duration.ofSeconds(10);

    private final TaskRunner runner;
    private final TransformWork work;
    private final ObjectMapper json;
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "transform-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    public TransformWorker(TaskRunner runner, TransformWork work, ObjectMapper json) {
        this.runner = runner;
        this.work = work;
        this.json = json;
    }

    @Incoming("transforms")
    public CompletionStage<Void> consume(String payload) {
        TaskJob job;
        try {
            job = json.readValue(payload, TaskJob.class);
        } catch (Exception e) {
            Log.errorf("Skipping a transform message that is not a job: %s", e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        try {
            return CompletableFuture.runAsync(() -> {
                try {
                    runner.run(work, job.taskId());
                } catch (RuntimeException e) {
                    Log.errorf(e, "Transform %s could not be run; it is rescued when its lease expires",
                            job.taskId());
                }
            }, executor);
        } catch (RejectedExecutionException e) {
            // stopping: never acknowledged, so the message is delivered again to a consumer that runs
            return new CompletableFuture<>();
        }
    }

    /**
     * On SIGTERM: each running transform's ffmpeg is killed and the task handed back to the topic (see
     * {@link TaskRunner}), while the database can still be reached; a task that cannot be handed back in time
     * is rescued when its lease runs out.
     */
    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(HAND_BACK_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                Log.warn("Transforms still running at shutdown are left to the rescue of expired leases");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
