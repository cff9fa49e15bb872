package io.mediawerk.storage;

import io.mediawerk.api.ApiException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Moves a stream of bytes (a request body, a form field, a fetched response) into an {@link S3Upload}: pauses the
 * source while S3 catches up, stops at a size limit, and checks the first 64 KiB as soon as they are in, so a file
 * of the wrong kind is refused before all of it is sent. Exactly one of {@code onFailure} or {@code onEnd} runs.
 */
public final class S3Pump {

    private final S3Upload target;
    private final long limit;
    private final Consumer<byte[]> headCheck;
    private final Consumer<Throwable> onFailure;
    private final Runnable onEnd;
    private ReadStream<Buffer> source;
    private long received;
    private boolean headChecked;
    private boolean done;

    /**
     * @param headCheck throws (an {@link ApiException}) when the first bytes show a file that must be refused;
     *                  null to skip the check
     */
    public S3Pump(
            S3Upload target, long limit, Consumer<byte[]> headCheck, Consumer<Throwable> onFailure, Runnable onEnd) {
        this.target = target;
        this.limit = limit;
        this.headCheck = headCheck;
        this.headChecked = headCheck == null;
        this.onFailure = onFailure;
        this.onEnd = onEnd;
    }

    public void pump(ReadStream<Buffer> stream) {
        this.source = stream;
        stream.handler(this::take);
        stream.exceptionHandler(this::fail);
        stream.endHandler(ignored -> end());
        stream.resume();
    }

    /** Stops the pump from outside (e.g. the request ended without the expected form field). */
    public void fail(Throwable failure) {
        if (done) {
            return;
        }
        done = true;
        onFailure.accept(failure);
    }

    public long received() {
        return received;
    }

    private void take(Buffer data) {
        if (done) {
            return;
        }
        received += data.length();
        if (received > limit) {
            fail(new ApiException(
                    413,
                    "file_too_large",
                    "More bytes arrived than allowed (" + limit
                            + "); the file is too large, or longer than its Content-Range says.",
                    null));
            return;
        }
        CompletableFuture<Void> wait;
        try {
            wait = target.offer(data);
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        if (!headChecked && target.head().length >= S3Upload.HEAD_SIZE && !checkHead()) {
            return;
        }
        if (wait == null) {
            return;
        }
        // S3 is behind: stop reading the socket until a part has gone out, then go on on this context
        source.pause();
        Context context = Vertx.currentContext();
        wait.whenComplete((ignored, failure) -> context.runOnContext(nothing -> {
            if (failure != null) {
                fail(failure);
            } else if (!done) {
                source.resume();
            }
        }));
    }

    private void end() {
        if (done || !headChecked && !checkHead()) {
            return;
        }
        done = true;
        onEnd.run();
    }

    private boolean checkHead() {
        headChecked = true;
        try {
            headCheck.accept(target.head());
            return true;
        } catch (RuntimeException e) {
            fail(e);
            return false;
        }
    }
}
