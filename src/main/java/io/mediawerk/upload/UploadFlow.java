package io.mediawerk.upload;

import io.mediawerk.config.IngestSettings;
import io.mediawerk.media.OriginalProbe;
import io.mediawerk.storage.BufferBudget;
import io.mediawerk.storage.S3Upload;
import io.mediawerk.storage.Storage;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The flow of one request to an upload URL, apart from HTTP: memory is reserved and the upload taken
 * ({@link #begin}); the bytes go into the {@link Receiving} it answers with; then the chunk is recorded or the media
 * made ({@link Receiving#finish}), or the failure settled ({@link Receiving#fail}).
 */
@ApplicationScoped
public class UploadFlow {

    private final UploadLedger ledger;
    private final Storage storage;
    private final OriginalProbe probe;
    private final BufferBudget memory;
    private final long maxBytes;

    public UploadFlow(
            UploadLedger ledger,
            Storage storage,
            OriginalProbe probe,
            BufferBudget memory,
            IngestSettings ingestSettings) {
        this.ledger = ledger;
        this.storage = storage;
        this.probe = probe;
        this.memory = memory;
        this.maxBytes = ingestSettings.maxBytes();
    }

    long maxBytes() {
        return maxBytes;
    }

    /**
     * Waits for a part's worth of memory (503 {@code server_busy} past the line), then takes the upload for this
     * request; the memory is given back if the upload cannot be taken.
     */
    Uni<Receiving> begin(UploadTokens.Claims claims, UploadBody body) {
        long expected = body.expectedBytes();
        int partSize = storage.partSize();
        return memory.reserve(expected < 0 ? partSize : Math.min(expected, partSize))
                .chain(lease -> ledger.begin(claims, body.range(), partSize)
                        .map(upload -> open(claims, body, upload, lease))
                        .onFailure()
                        .invoke(lease::close));
    }

    private Receiving open(UploadTokens.Claims claims, UploadBody body, Upload upload, BufferBudget.Lease lease) {
        boolean firstBytes = upload.received == 0;
        S3Upload target = firstBytes
                ? storage.startUpload(upload.storageKey, "application/octet-stream", lease)
                : storage.resumeUpload(upload.storageKey, "application/octet-stream", lease, ledger.stateOf(upload));
        return new Receiving(this, claims, body.range(), upload.storageKey, target, firstBytes);
    }

    Uni<Receiving.Arrived> chunkArrived(Receiving receiving) {
        return receiving
                .target()
                .pause()
                .chain(state -> ledger.chunkReceived(
                        receiving.claims(), state, receiving.range().total()))
                .map(Receiving.Chunk::new);
    }

    Uni<Receiving.Arrived> fileArrived(Receiving receiving) {
        S3Upload target = receiving.target();
        return target.finish()
                .chain(stored -> (receiving.firstBytes()
                                ? Uni.createFrom().item(target.head())
                                : storage.readHead(receiving.storageKey(), S3Upload.HEAD_SIZE))
                        .chain(head -> probe.probe(receiving.storageKey(), head))
                        .chain(probed -> ledger.complete(receiving.claims(), stored, probed)))
                .map(Receiving.Stored::new);
    }

    UploadLedger ledger() {
        return ledger;
    }
}
