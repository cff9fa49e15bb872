package io.mediawerk.storage;

import io.mediawerk.api.ApiException;
import io.mediawerk.config.StorageSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * The heap that bytes on their way to S3 may occupy on this instance, shared by every upload and ingest. Memory is
 * handed out in pooled slabs of {@link #SLAB} bytes (small enough never to be a humongous object), under leases: a
 * writer first reserves what one part needs, which guarantees that it can always fill and send a part without waiting
 * on anyone else (so writers never deadlock each other), and grows its lease for more parts in flight only while
 * nobody is waiting. A reservation that cannot be had waits in line; past {@code max-wait}, or with
 * {@code max-waiting} writers in line already, it fails with a 503 that tells the caller to retry.
 */
@ApplicationScoped
public class BufferBudget {

    /** The unit of buffer memory. */
    public static final int SLAB = 256 * 1024;

    private static final long SATURATED_FOR_MILLIS = 5_000;
    private static final long MIB = 1024 * 1024;

    private final int capacity;
    private final Duration maxWait;
    private final int maxWaiting;
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private final Counter refusedByWait;
    private final Counter refusedByLine;
    private int reserved;
    private int inUse;
    private volatile long lastRefusal;

    @Inject
    public BufferBudget(BufferSettings settings, StorageSettings storageSettings, MeterRegistry registry) {
        this(
                budgetOf(settings, storageSettings.partSizeMib() * MIB),
                settings.maxWait(),
                settings.maxWaiting(),
                registry);
    }

    BufferBudget(long budget, Duration maxWait, int maxWaiting, MeterRegistry registry) {
        this.capacity = (int) Math.min(Integer.MAX_VALUE, budget / SLAB);
        this.maxWait = maxWait;
        this.maxWaiting = maxWaiting;
        Gauge.builder("mediawerk.upload.buffer.budget.bytes", this, b -> (double) b.capacity * SLAB)
                .description("heap that part buffers of uploads and ingests may use")
                .register(registry);
        Gauge.builder("mediawerk.upload.buffer.used.bytes", this, b -> (double) b.inUse() * SLAB)
                .description("heap held by part buffers of uploads and ingests now")
                .register(registry);
        Gauge.builder("mediawerk.upload.buffer.reserved.bytes", this, b -> (double) b.reserved() * SLAB)
                .description("buffer memory promised to uploads and ingests now")
                .register(registry);
        Gauge.builder("mediawerk.uploads.waiting", this, BufferBudget::waiting)
                .description("uploads and ingests waiting for buffer memory")
                .register(registry);
        refusedByWait = Counter.builder("mediawerk.uploads.refused")
                .tag("reason", "waited_too_long")
                .description("uploads answered 503 because buffer memory was short")
                .register(registry);
        refusedByLine = Counter.builder("mediawerk.uploads.refused")
                .tag("reason", "too_many_waiting")
                .description("uploads answered 503 because buffer memory was short")
                .register(registry);
        Log.infof(
                "Upload buffers: %d MiB of heap (of %d MiB), at most %d waiting for %s",
                budget / MIB, Runtime.getRuntime().maxMemory() / MIB, maxWaiting, maxWait);
    }

    private static long budgetOf(BufferSettings settings, long partSize) {
        long budget = settings.budgetMib().isPresent()
                ? settings.budgetMib().getAsInt() * MIB
                : Math.max(Runtime.getRuntime().maxMemory() / 4, 2 * partSize);
        if (budget < partSize) {
            throw new IllegalStateException("MEDIAWERK_BUFFERS_BUDGET_MIB (" + budget / MIB + ") must be at least one "
                    + "S3 part (MEDIAWERK_STORAGE_PART_SIZE_MIB = " + partSize / MIB + ").");
        }
        return budget;
    }

    /**
     * A lease for a writer of at most {@code bytes} per part (rounded up to slabs, at most the whole budget), for an
     * upload: it waits in line at most {@code max-wait}, and fails at once when {@code max-waiting} are in line.
     */
    public Uni<Lease> reserve(long bytes) {
        return OnCallerContext.uni(() -> reserve(bytes, maxWait, true));
    }

    /** The same for background work (ingest), which waits up to {@code wait} and is never turned away at once. */
    public Uni<Lease> reserve(long bytes, Duration wait) {
        return OnCallerContext.uni(() -> reserve(bytes, wait, false));
    }

    /** Whether writers are waiting for memory, or were refused in the last seconds (readiness). */
    public boolean saturated() {
        return waiting() > 0 || System.currentTimeMillis() - lastRefusal < SATURATED_FOR_MILLIS;
    }

    public synchronized int waiting() {
        return waiters.size();
    }

    synchronized int inUse() {
        return inUse;
    }

    synchronized int reserved() {
        return reserved;
    }

    public long budgetBytes() {
        return (long) capacity * SLAB;
    }

    private CompletableFuture<Lease> reserve(long bytes, Duration wait, boolean limitLine) {
        int slabs = (int) Math.max(1, Math.min(capacity, (bytes + SLAB - 1) / SLAB));
        Waiter waiter;
        synchronized (this) {
            if (waiters.isEmpty() && reserved + slabs <= capacity) {
                reserved += slabs;
                return CompletableFuture.completedFuture(new Lease(slabs));
            }
            if (limitLine && waiters.size() >= maxWaiting) {
                waiter = null;
            } else {
                waiter = new Waiter(slabs, new CompletableFuture<>());
                waiters.addLast(waiter);
            }
        }
        if (waiter == null) {
            refusedByLine.increment();
            lastRefusal = System.currentTimeMillis();
            return CompletableFuture.failedFuture(busy(maxWaiting + " uploads are already waiting for memory"));
        }
        return waiter.lease
                .orTimeout(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .exceptionallyCompose(failure -> {
                    if (!(failure instanceof TimeoutException)) {
                        return CompletableFuture.failedFuture(failure);
                    }
                    synchronized (this) {
                        waiters.remove(waiter);
                    }
                    grantWaiters();
                    refusedByWait.increment();
                    lastRefusal = System.currentTimeMillis();
                    return CompletableFuture.failedFuture(
                            busy("no upload memory became free within " + wait.toSeconds() + " s"));
                });
    }

    private static ApiException busy(String why) {
        return new ApiException(
                503,
                "server_busy",
                "This instance is receiving as many files as its memory allows (" + why
                        + "). Nothing was stored; send the file again after Retry-After seconds.",
                null);
    }

    private void grantWaiters() {
        List<Waiter> granted = new ArrayList<>();
        synchronized (this) {
            while (!waiters.isEmpty() && reserved + waiters.peekFirst().slabs <= capacity) {
                Waiter next = waiters.pollFirst();
                reserved += next.slabs;
                granted.add(next);
            }
        }
        for (Waiter waiter : granted) {
            Lease lease = new Lease(waiter.slabs);
            if (!waiter.lease.complete(lease)) {
                lease.close();
            }
        }
    }

    private record Waiter(int slabs, CompletableFuture<Lease> lease) {}

    /** One writer's share of the budget: the slabs it may hold at once. Thread-safe. */
    public final class Lease {

        private int allowed;
        private int taken;
        private boolean closed;

        private Lease(int allowed) {
            this.allowed = allowed;
        }

        /** A slab of this lease's allowance, or null when all of it is taken. */
        public byte[] take() {
            synchronized (BufferBudget.this) {
                if (closed || taken >= allowed) {
                    return null;
                }
                taken++;
                inUse++;
                byte[] slab = free.pollFirst();
                return slab == null ? new byte[SLAB] : slab;
            }
        }

        /** Gives a slab back to the pool. */
        public void give(byte[] slab) {
            boolean returned;
            synchronized (BufferBudget.this) {
                taken--;
                inUse--;
                free.addFirst(slab);
                returned = closed;
                if (closed) {
                    allowed--;
                    reserved--;
                }
            }
            if (returned) {
                grantWaiters();
            }
        }

        /** Adds {@code slabs} to the allowance if the budget has them and nobody is waiting for memory. */
        public boolean tryGrow(int slabs) {
            synchronized (BufferBudget.this) {
                if (closed || !waiters.isEmpty() || reserved + slabs > capacity) {
                    return false;
                }
                reserved += slabs;
                allowed += slabs;
                return true;
            }
        }

        /** Returns the allowance; slabs still taken return when they are given back. */
        public void close() {
            synchronized (BufferBudget.this) {
                if (closed) {
                    return;
                }
                closed = true;
                reserved -= allowed - taken;
                allowed = taken;
            }
            grantWaiters();
        }
    }
}
