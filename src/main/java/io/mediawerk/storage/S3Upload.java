package io.mediawerk.storage;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * Writes one S3 object from a stream of buffers without ever holding more than a few parts in memory: bytes are
 * cut into fixed-size parts of a multipart upload, at most {@code maxInFlight} parts travel at once, and
 * {@link #write} makes the producer wait (back-pressure) beyond that. A file smaller than one part is a single PUT.
 * An upload can also be continued across requests ({@link #resume}), one part-aligned chunk at a time.
 */
public final class S3Upload {

    /** The first bytes of the file, kept for format sniffing. */
    public static final int HEAD_SIZE = 64 * 1024;
    private static final int INITIAL_BUFFER = 256 * 1024;

    /** What is known of an unfinished multipart upload between two chunks. */
    public record State(String multipartId, List<Part> parts, long bytes) {
    }

    /** One uploaded part. */
    public record Part(int number, String etag) {
    }

    /** The finished object. */
    public record Stored(String key, long size, String etag) {
    }

    private final S3AsyncClient s3;
    private final String bucket;
    private final String key;
    private final String contentType;
    private final int partSize;
    private final int maxInFlight;
    private final List<Part> parts;
    private final Deque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
    private final byte[] head = new byte[HEAD_SIZE];
    private CompletableFuture<String> multipartId;
    /** The part being filled: grows up to one part, then is handed to S3 as it is (no copy) and replaced. */
    private byte[] pending;
    private int filled;
    private long bytes;
    private int headLength;
    private int nextPart;

    private S3Upload(S3AsyncClient s3, String bucket, String key, String contentType, int partSize, int maxInFlight,
                     State state) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.contentType = contentType;
        this.partSize = partSize;
        this.maxInFlight = maxInFlight;
        this.parts = new ArrayList<>(state == null ? List.of() : state.parts());
        this.multipartId = state == null || state.multipartId() == null ? null
                : CompletableFuture.completedFuture(state.multipartId());
        this.bytes = state == null ? 0 : state.bytes();
        this.nextPart = parts.size() + 1;
        this.pending = new byte[Math.min(partSize, INITIAL_BUFFER)];
    }

    static S3Upload start(S3AsyncClient s3, String bucket, String key, String contentType, int partSize,
                          int maxInFlight) {
        return new S3Upload(s3, bucket, key, contentType, partSize, maxInFlight, null);
    }

    static S3Upload resume(S3AsyncClient s3, String bucket, String key, String contentType, int partSize,
                           int maxInFlight, State state) {
        return new S3Upload(s3, bucket, key, contentType, partSize, maxInFlight, state);
    }

    /** Takes the next bytes; the returned Uni completes when the caller may send more. */
    public Uni<Void> write(Buffer data) {
        CompletableFuture<Void> wait = offer(data);
        return wait == null ? Uni.createFrom().voidItem() : OnCallerContext.uni(() -> wait);
    }

    /**
     * Takes the next bytes without allocating anything when S3 keeps up: null means "send more now"; otherwise
     * the producer waits for the returned future (a part to finish, or a failed part to report).
     */
    public synchronized CompletableFuture<Void> offer(Buffer data) {
        if (headLength < HEAD_SIZE) {
            int n = Math.min(HEAD_SIZE - headLength, data.length());
            data.getBytes(0, n, head, headLength);
            headLength += n;
        }
        bytes += data.length();
        int offset = 0;
        while (offset < data.length()) {
            if (filled == pending.length && pending.length < partSize) {
                pending = java.util.Arrays.copyOf(pending, Math.min(partSize, pending.length * 2));
            }
            int n = Math.min(pending.length - filled, data.length() - offset);
            data.getBytes(offset, offset + n, pending, filled);
            filled += n;
            offset += n;
            if (filled == partSize) {
                sendPart(ByteBuffer.wrap(pending));
                pending = new byte[partSize];
                filled = 0;
            }
        }
        if (inFlight.isEmpty()) {
            return null;
        }
        for (CompletableFuture<Void> sent : inFlight) {
            if (sent.isCompletedExceptionally()) {
                return sent;
            }
        }
        inFlight.removeIf(CompletableFuture::isDone);
        return inFlight.size() >= maxInFlight ? inFlight.peekFirst() : null;
    }

    /** Bytes taken so far (over all chunks of a resumed upload). */
    public synchronized long bytes() {
        return bytes;
    }

    /** A copy of the first bytes of this writing (for sniffing). */
    public synchronized byte[] head() {
        return java.util.Arrays.copyOf(head, headLength);
    }

    /** Ends the object: the rest as the last part, then the multipart upload completed (or one PUT if small). */
    public Uni<Stored> finish() {
        CompletableFuture<Stored> done;
        synchronized (this) {
            if (multipartId == null) {
                int length = filled;
                PutObjectRequest request = PutObjectRequest.builder().bucket(bucket).key(key)
                        .contentType(contentType).contentLength((long) length).build();
                done = s3.putObject(request, AsyncRequestBody.fromByteBufferUnsafe(ByteBuffer.wrap(pending, 0,
                        length))).thenApply(response -> new Stored(key, length, response.eTag()));
            } else {
                if (filled > 0) {
                    sendPart(ByteBuffer.wrap(pending, 0, filled));
                    pending = new byte[0];
                    filled = 0;
                }
                long size = bytes;
                done = allSent().thenCompose(ignored -> multipartId).thenCompose(id -> s3.completeMultipartUpload(
                        CompleteMultipartUploadRequest.builder().bucket(bucket).key(key).uploadId(id)
                                .multipartUpload(CompletedMultipartUpload.builder().parts(completedParts()).build())
                                .build()))
                        .thenApply(response -> new Stored(key, size, response.eTag()));
            }
        }
        return OnCallerContext.uni(() -> done);
    }

    /**
     * Ends one chunk of an upload that goes on in a later request; the chunk must have been a whole number of
     * parts. Returns what the next chunk needs.
     */
    public Uni<State> pause() {
        CompletableFuture<State> done;
        synchronized (this) {
            if (filled > 0) {
                throw new IllegalStateException("A chunk that is not the last must be a multiple of " + partSize
                        + " bytes");
            }
            done = allSent().thenCompose(ignored -> multipartId == null
                    ? CompletableFuture.completedFuture((String) null) : multipartId)
                    .thenApply(id -> snapshot(id));
        }
        return OnCallerContext.uni(() -> done);
    }

    /** Gives up: waits for parts in flight, then aborts the multipart upload so that no part is left behind. */
    public Uni<Void> abort() {
        CompletableFuture<Void> done;
        synchronized (this) {
            CompletableFuture<String> id = multipartId;
            done = allSent().handle((ignored, error) -> null).thenCompose(ignored -> id == null
                    ? CompletableFuture.completedFuture(null)
                    : id.thenCompose(uploadId -> s3.abortMultipartUpload(AbortMultipartUploadRequest.builder()
                            .bucket(bucket).key(key).uploadId(uploadId).build())).handle((r, e) -> null));
        }
        return OnCallerContext.uni(() -> done).replaceWithVoid();
    }

    /** The multipart upload id, or null when nothing was sent in parts yet. */
    public synchronized String multipartIdIfStarted() {
        return multipartId == null ? null : multipartId.getNow(null);
    }

    private synchronized State snapshot(String id) {
        return new State(id, List.copyOf(parts), bytes);
    }

    private void sendPart(ByteBuffer body) {
        if (multipartId == null) {
            multipartId = s3.createMultipartUpload(CreateMultipartUploadRequest.builder().bucket(bucket).key(key)
                    .contentType(contentType).build()).thenApply(response -> response.uploadId());
        }
        int number = nextPart++;
        CompletableFuture<Void> sent = multipartId.thenCompose(id -> s3.uploadPart(UploadPartRequest.builder()
                        .bucket(bucket).key(key).uploadId(id).partNumber(number)
                        .contentLength((long) body.remaining()).build(), AsyncRequestBody.fromByteBufferUnsafe(body)))
                .thenAccept(response -> partDone(number, response.eTag()));
        inFlight.addLast(sent);
    }

    private synchronized void partDone(int number, String etag) {
        parts.add(new Part(number, etag));
    }

    private synchronized CompletableFuture<Void> allSent() {
        return CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new));
    }

    private List<CompletedPart> completedParts() {
        synchronized (this) {
            return parts.stream().sorted(Comparator.comparingInt(Part::number))
                    .map(p -> CompletedPart.builder().partNumber(p.number()).eTag(p.etag()).build()).toList();
        }
    }
}
