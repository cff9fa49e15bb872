package io.mediawerk.upload;

import io.mediawerk.api.ApiErrors;
import io.mediawerk.api.ApiException;
import io.mediawerk.media.MediaView;
import io.mediawerk.media.OriginalProbe;
import io.mediawerk.storage.S3Pump;
import io.mediawerk.storage.S3Upload;
import io.smallrye.mutiny.Uni;
import java.util.function.Consumer;

/** One request's bytes on their way into an upload, from {@link UploadFlow#begin} to its outcome. */
final class Receiving {

    /** What arrived: a chunk (the upload waits for the next) or the whole file (its media is made). */
    sealed interface Arrived permits Chunk, Stored {}

    record Chunk(UploadView upload) implements Arrived {}

    record Stored(MediaView media) implements Arrived {}

    private final UploadFlow flow;
    private final UploadTokens.Claims claims;
    private final ChunkRange range;
    private final String storageKey;
    private final S3Upload target;
    private final boolean firstBytes;
    private boolean storedWhole;

    Receiving(
            UploadFlow flow,
            UploadTokens.Claims claims,
            ChunkRange range,
            String storageKey,
            S3Upload target,
            boolean firstBytes) {
        this.flow = flow;
        this.claims = claims;
        this.range = range;
        this.storageKey = storageKey;
        this.target = target;
        this.firstBytes = firstBytes;
    }

    /**
     * A pump that moves a body into this upload, refusing more than the chunk (or the size limit) and, for the first
     * bytes, a file that is not media.
     */
    S3Pump pump(Consumer<Throwable> onFailure, Runnable onEnd) {
        long limit = range != null ? range.length() : flow.maxBytes();
        return new S3Pump(target, limit, firstBytes ? OriginalProbe::sniff : null, onFailure, onEnd);
    }

    /** Records the chunk or, for the whole file, stores, probes and makes its media. */
    Uni<Arrived> finish() {
        if (range != null && !range.isLast()) {
            return flow.chunkArrived(this);
        }
        storedWhole = true;
        return flow.fileArrived(this);
    }

    /**
     * Settles a failure and answers the error to give the client. A file that is refused (too large, not media)
     * uses the upload up and leaves nothing in S3; a broken connection or an outage keeps the chunks that arrived
     * whole, so the client can resume.
     */
    Uni<ApiException> fail(Throwable failure, String requestId) {
        ApiException error = ApiErrors.from(failure, requestId);
        boolean rejectFile = error.status() == 413 || error.status() == 415 || error.status() == 422;
        // once the whole file is stored, S3 holds it complete: nothing is left in flight to abort
        String abandoned = storedWhole ? null : target.multipartIdIfStarted();
        Uni<Void> stop = storedWhole
                ? Uni.createFrom().voidItem()
                : firstBytes || rejectFile ? target.abort() : target.release();
        return stop.chain(() -> flow.ledger().failed(claims, error, rejectFile, firstBytes ? abandoned : null))
                .onFailure()
                .recoverWithNull()
                .replaceWith(error);
    }

    UploadTokens.Claims claims() {
        return claims;
    }

    ChunkRange range() {
        return range;
    }

    String storageKey() {
        return storageKey;
    }

    S3Upload target() {
        return target;
    }

    boolean firstBytes() {
        return firstBytes;
    }
}
