package io.mediawerk.storage;

import io.mediawerk.api.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Writes one S3 object from a stream of buffers without ever holding more than its {@link BufferBudget.Lease}
 * allows: bytes are copied into pooled slabs, cut into fixed-size parts of a multipart upload, and each part's slabs
 * go back to the pool when S3 has it. At most {@code maxInFlight} parts travel at once, and a second one only while
 * the budget has room; beyond that {@link #offer} makes the producer wait (back-pressure). A file smaller than one
 * part is a single PUT. Local files go part by part straight from disk ({@link #offerFile}), with no buffer at all.
 * An upload can also be continued across requests ({@link Storage#resumeUpload}), one part-aligned chunk at a time. Every way of
 * ending ({@link #finish}, {@link #pause}, {@link #abort}, {@link #release}) gives the lease back.
 */
public final class S3Upload {

    /** The first bytes of the file, kept for format sniffing. */
    public static final int HEAD_SIZE = 64 * 1024;

    /** What is known of an unfinished multipart upload between two chunks. */
    public record State(String multipartId, List<Part> parts, long bytes) {}

    /** One uploaded part. */
    public record Part(int number, String etag) {}

    /** The finished object. */
    public record Stored(String key, long size, String etag) {}

    private final S3AsyncClient s3;
    private final String bucket;
    private final String key;
    private final String contentType;
    private final int partSize;
    private final int maxInFlight;
    private final BufferBudget.Lease lease;
    private final MultipartWrite multipart;
    private final byte[] head = new byte[HEAD_SIZE];
    /** The slabs of the part being filled, the last one partly. */
    private final List<byte[]> filling = new ArrayList<>();

    private int filled;
    private long bytes;
    private int headLength;
    /** Bytes offered but not yet copied, because no slab was free; the producer waits until they are. */
    private Buffer leftover;

    private int leftoverOffset;
    private boolean released;

    S3Upload(
            S3AsyncClient s3,
            String bucket,
            String key,
            String contentType,
            int partSize,
            int maxInFlight,
            BufferBudget.Lease lease,
            State state) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.contentType = contentType;
        this.partSize = partSize;
        this.maxInFlight = maxInFlight;
        this.lease = lease;
        this.multipart = new MultipartWrite(s3, bucket, key, contentType, state);
        this.bytes = state == null ? 0 : state.bytes();
    }

    /** Takes the next bytes; the returned Uni completes when the caller may send more. */
    public Uni<Void> write(Buffer data) {
        CompletableFuture<Void> wait = offer(data);
        return wait == null ? Uni.createFrom().voidItem() : OnCallerContext.uni(() -> wait);
    }

    /**
     * Takes the next bytes without allocating anything when S3 keeps up: null means "send more now"; otherwise the
     * producer waits for the returned future (memory to come back from a part S3 took, or a failed part to report)
     * before it offers more.
     */
    public synchronized CompletableFuture<Void> offer(Buffer data) {
        if (leftover != null || lease == null) {
            throw new IllegalStateException(
                    lease == null ? "offer() on an upload of a file" : "offer() before the last offer's wait ended");
        }
        if (headLength < HEAD_SIZE) {
            int n = Math.min(HEAD_SIZE - headLength, data.length());
            data.getBytes(0, n, head, headLength);
            headLength += n;
        }
        bytes += data.length();
        leftover = data;
        leftoverOffset = 0;
        return copyIn();
    }

    /** Sends {@code length} bytes of a local file from {@code position} as the next part (a whole part unless last). */
    public synchronized CompletableFuture<Void> offerFile(Path file, long position, long length) {
        if (filled > 0 || leftover != null) {
            throw new IllegalStateException("offerFile() after bytes that are not a whole part");
        }
        bytes += length;
        multipart.send(
                AsyncRequestBody.fromFile(c -> c.path(file).position(position).numBytesToRead(length)),
                length,
                () -> {});
        return multipart.waitBeforeMore(maxInFlight);
    }

    /** Bytes taken so far (over all chunks of a resumed upload). */
    public synchronized long bytes() {
        return bytes;
    }

    /** A copy of the first bytes of this writing (for sniffing). */
    public synchronized byte[] head() {
        return Arrays.copyOf(head, headLength);
    }

    /** Ends the object: the rest as the last part, then the multipart upload completed (or one PUT if small). */
    public Uni<Stored> finish() {
        CompletableFuture<Stored> done;
        synchronized (this) {
            requireNothingLeft();
            if (!multipart.started()) {
                int length = filled;
                PutObjectRequest request = PutObjectRequest.builder()
                        .bucket(bucket)
                        .key(key)
                        .contentType(contentType)
                        .contentLength((long) length)
                        .build();
                done = s3.putObject(request, bodyOf(filling, length))
                        .thenApply(response -> new Stored(key, length, response.eTag()));
            } else {
                if (filled > 0) {
                    sendFilling();
                }
                long size = bytes;
                done = multipart.complete().thenApply(etag -> new Stored(key, size, etag));
            }
        }
        return OnCallerContext.uni(() -> releasing(done));
    }

    /**
     * Ends one chunk of an upload that goes on in a later request; the chunk must have been a whole number of
     * parts. Returns what the next chunk needs.
     */
    public Uni<State> pause() {
        CompletableFuture<State> done;
        synchronized (this) {
            requireNothingLeft();
            if (filled > 0) {
                throw new IllegalStateException(
                        "A chunk that is not the last must be a multiple of " + partSize + " bytes");
            }
            done = multipart.pause(bytes);
        }
        return OnCallerContext.uni(() -> releasing(done));
    }

    /** Gives up: waits for parts in flight, then aborts the multipart upload so that no part is left behind. */
    public Uni<Void> abort() {
        return OnCallerContext.uni(() -> releasing(multipart.abort())).replaceWithVoid();
    }

    /** Stops without ending the object (a chunk that may be sent again): waits for parts in flight, frees memory. */
    public Uni<Void> release() {
        return OnCallerContext.uni(() -> releasing(multipart.settled())).replaceWithVoid();
    }

    /** The multipart upload id, or null when nothing was sent in parts yet. */
    public String multipartIdIfStarted() {
        return multipart.idIfStarted();
    }

    /** Copies the leftover bytes into slabs, sending each part as it fills; null when all are in. */
    private CompletableFuture<Void> copyIn() {
        while (leftover != null) {
            CompletableFuture<Void> failed = multipart.firstFailure();
            if (failed != null) {
                return failed;
            }
            if (filled == filling.size() * BufferBudget.SLAB && !takeSlab()) {
                CompletableFuture<Void> oldest = multipart.oldest();
                if (oldest == null) {
                    return CompletableFuture.failedFuture(new ApiException(
                            503,
                            "server_busy",
                            "More bytes arrived " + "than this upload was given memory for. Send the file again.",
                            null));
                }
                return oldest.handle((ignored, error) -> null).thenCompose(ignored -> continueCopying());
            }
            byte[] slab = filling.get(filling.size() - 1);
            int at = filled % BufferBudget.SLAB;
            int n = Math.min(BufferBudget.SLAB - at, leftover.length() - leftoverOffset);
            leftover.getBytes(leftoverOffset, leftoverOffset + n, slab, at);
            leftoverOffset += n;
            filled += n;
            if (leftoverOffset == leftover.length()) {
                leftover = null;
            }
            if (filled == partSize) {
                sendFilling();
            }
        }
        return multipart.waitBeforeMore(maxInFlight);
    }

    private synchronized CompletableFuture<Void> continueCopying() {
        CompletableFuture<Void> failed = multipart.firstFailure();
        if (failed != null) {
            return failed;
        }
        CompletableFuture<Void> wait = copyIn();
        return wait == null ? CompletableFuture.completedFuture(null) : wait;
    }

    /** A slab for the part being filled: from the lease, or a lease grown by one part while few parts travel. */
    private boolean takeSlab() {
        if (released) {
            return false;
        }
        byte[] slab = lease.take();
        if (slab == null && multipart.inFlight() < maxInFlight && lease.tryGrow(partSize / BufferBudget.SLAB)) {
            slab = lease.take();
        }
        if (slab != null) {
            filling.add(slab);
        }
        return slab != null;
    }

    private void requireNothingLeft() {
        if (leftover != null) {
            throw new IllegalStateException("The last offer's wait has not ended");
        }
    }

    private void sendFilling() {
        List<byte[]> slabs = List.copyOf(filling);
        int length = filled;
        filling.clear();
        filled = 0;
        multipart.send(bodyOf(slabs, length), length, () -> slabs.forEach(lease::give));
    }

    private static AsyncRequestBody bodyOf(List<byte[]> slabs, int length) {
        ByteBuffer[] buffers = new ByteBuffer[slabs.size()];
        int left = length;
        for (int i = 0; i < buffers.length; i++) {
            int n = Math.min(BufferBudget.SLAB, left);
            buffers[i] = ByteBuffer.wrap(slabs.get(i), 0, n);
            left -= n;
        }
        return length == 0 ? AsyncRequestBody.empty() : AsyncRequestBody.fromByteBuffersUnsafe(buffers);
    }

    /** {@code work}'s outcome, once every part has ended and the memory of this upload is back in the budget. */
    private <T> CompletableFuture<T> releasing(CompletableFuture<T> work) {
        CompletableFuture<T> out = new CompletableFuture<>();
        work.whenComplete((value, error) -> multipart.settled().whenComplete((ignored, nothing) -> {
            freeMemory();
            if (error != null) {
                out.completeExceptionally(error);
            } else {
                out.complete(value);
            }
        }));
        return out;
    }

    private synchronized void freeMemory() {
        if (released || lease == null) {
            released = true;
            return;
        }
        released = true;
        filling.forEach(lease::give);
        filling.clear();
        filled = 0;
        leftover = null;
        lease.close();
    }
}
