package io.mediawerk.transform.worker;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** ffprobe runs beside a transform's own work (its ffmpeg, its storing), on threads of their own. */
@ApplicationScoped
public class SideProbes {

    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "transform-probe");
        thread.setDaemon(true);
        return thread;
    });

    @PreDestroy
    void close() {
        threads.shutdownNow();
    }

    <T> CompletableFuture<T> start(Supplier<T> probe) {
        return CompletableFuture.supplyAsync(probe, threads);
    }

    /** The probe's result; its own exception if it failed. */
    static <T> T result(CompletableFuture<T> probing) {
        try {
            return probing.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
