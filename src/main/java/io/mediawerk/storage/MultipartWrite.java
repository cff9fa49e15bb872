package io.mediawerk.storage;

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
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * The S3 side of an {@link S3Upload}: the multipart upload, created with its first part, the parts in flight and
 * the parts S3 has, its completion or abortion. Thread-safe: parts end on the S3 client's threads.
 */
final class MultipartWrite {

    private final S3AsyncClient s3;
    private final String bucket;
    private final String key;
    private final String contentType;
    private final List<S3Upload.Part> parts;
    private final Deque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
    private CompletableFuture<String> multipartId;
    private int nextPart;

    MultipartWrite(S3AsyncClient s3, String bucket, String key, String contentType, S3Upload.State state) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.contentType = contentType;
        this.parts = new ArrayList<>(state == null ? List.of() : state.parts());
        this.multipartId = state == null || state.multipartId() == null
                ? null
                : CompletableFuture.completedFuture(state.multipartId());
        this.nextPart = parts.size() + 1;
    }

    synchronized boolean started() {
        return multipartId != null;
    }

    /** Sends the next part; {@code done} runs when S3 has it or gave up on it, before the part counts as ended. */
    synchronized void send(AsyncRequestBody body, long length, Runnable done) {
        if (multipartId == null) {
            multipartId = s3.createMultipartUpload(CreateMultipartUploadRequest.builder()
                            .bucket(bucket)
                            .key(key)
                            .contentType(contentType)
                            .build())
                    .thenApply(response -> response.uploadId());
        }
        int number = nextPart++;
        CompletableFuture<Void> sent = multipartId
                .thenCompose(id -> s3.uploadPart(
                        UploadPartRequest.builder()
                                .bucket(bucket)
                                .key(key)
                                .uploadId(id)
                                .partNumber(number)
                                .contentLength(length)
                                .build(),
                        body))
                .whenComplete((response, error) -> done.run())
                .thenAccept(response -> partDone(number, response.eTag()));
        inFlight.addLast(sent);
    }

    /** A part that failed, to report to the producer; null when none did. */
    synchronized CompletableFuture<Void> firstFailure() {
        for (CompletableFuture<Void> sent : inFlight) {
            if (sent.isCompletedExceptionally()) {
                return sent;
            }
        }
        return null;
    }

    /** A failed part, or the oldest part in flight when {@code max} travel: what the producer must wait for. */
    synchronized CompletableFuture<Void> waitBeforeMore(int max) {
        CompletableFuture<Void> failed = firstFailure();
        if (failed != null) {
            return failed;
        }
        inFlight.removeIf(CompletableFuture::isDone);
        return inFlight.size() >= max ? inFlight.peekFirst() : null;
    }

    synchronized int inFlight() {
        return inFlight.size();
    }

    /** The oldest part still in flight, or null. */
    synchronized CompletableFuture<Void> oldest() {
        return inFlight.peekFirst();
    }

    synchronized CompletableFuture<Void> allSent() {
        return CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new));
    }

    /** Completes when every part in flight has ended, however. */
    CompletableFuture<Void> settled() {
        return allSent().handle((ignored, error) -> null);
    }

    /** Completes the object once every part is in; its ETag. */
    CompletableFuture<String> complete() {
        CompletableFuture<String> id;
        synchronized (this) {
            id = multipartId;
        }
        return allSent()
                .thenCompose(ignored -> id)
                .thenCompose(uploadId -> s3.completeMultipartUpload(CompleteMultipartUploadRequest.builder()
                        .bucket(bucket)
                        .key(key)
                        .uploadId(uploadId)
                        .multipartUpload(CompletedMultipartUpload.builder()
                                .parts(completedParts())
                                .build())
                        .build()))
                .thenApply(response -> response.eTag());
    }

    /** What a later chunk needs to go on, once the parts in flight are in. */
    CompletableFuture<S3Upload.State> pause(long bytes) {
        CompletableFuture<String> id;
        synchronized (this) {
            id = multipartId == null ? CompletableFuture.completedFuture(null) : multipartId;
        }
        return allSent().thenCompose(ignored -> id).thenApply(uploadId -> snapshot(uploadId, bytes));
    }

    /** Waits for the parts in flight, then aborts the multipart upload (if any), ignoring failures. */
    CompletableFuture<Void> abort() {
        CompletableFuture<String> id;
        synchronized (this) {
            id = multipartId;
        }
        return settled()
                .thenCompose(ignored -> id == null
                        ? CompletableFuture.completedFuture(null)
                        : id.thenCompose(uploadId -> s3.abortMultipartUpload(AbortMultipartUploadRequest.builder()
                                        .bucket(bucket)
                                        .key(key)
                                        .uploadId(uploadId)
                                        .build()))
                                .handle((r, e) -> null));
    }

    synchronized String idIfStarted() {
        return multipartId == null ? null : multipartId.getNow(null);
    }

    private synchronized S3Upload.State snapshot(String id, long bytes) {
        return new S3Upload.State(id, List.copyOf(parts), bytes);
    }

    private synchronized void partDone(int number, String etag) {
        parts.add(new S3Upload.Part(number, etag));
    }

    private synchronized List<CompletedPart> completedParts() {
        return parts.stream()
                .sorted(Comparator.comparingInt(S3Upload.Part::number))
                .map(p -> CompletedPart.builder()
                        .partNumber(p.number())
                        .eTag(p.etag())
                        .build())
                .toList();
    }
}
