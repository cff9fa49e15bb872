package io.mediawerk.upload;

import io.mediawerk.analytics.UsageRecorder;
import io.mediawerk.api.ApiException;
import io.mediawerk.api.Times;
import io.mediawerk.config.IngestSettings;
import io.mediawerk.events.EventType;
import io.mediawerk.events.Events;
import io.mediawerk.media.Media;
import io.mediawerk.media.MediaView;
import io.mediawerk.media.OriginalIntake;
import io.mediawerk.media.OriginalProbe;
import io.mediawerk.reactive.InTurn;
import io.mediawerk.storage.S3Upload;
import io.mediawerk.storage.StorageGarbageCollector;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;

/**
 * The states of an upload as its file arrives, each change in its own short transaction (bytes stream in between,
 * outside any): taking it for a request, a chunk received, the media made, a failure, an expired URL's leftovers.
 */
@ApplicationScoped
public class UploadLedger {

    private final UploadRepository uploads;
    private final OriginalIntake intake;
    private final StorageGarbageCollector garbage;
    private final Events events;
    private final UsageRecorder usage;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final Duration staleReceiving;

    public UploadLedger(
            UploadRepository uploads,
            OriginalIntake intake,
            StorageGarbageCollector garbage,
            Events events,
            UsageRecorder usage,
            com.fasterxml.jackson.databind.ObjectMapper json,
            IngestSettings ingestSettings) {
        this.uploads = uploads;
        this.intake = intake;
        this.garbage = garbage;
        this.events = events;
        this.usage = usage;
        this.json = json;
        this.staleReceiving = ingestSettings.timeout();
    }

    /**
     * Takes the upload for one request: it must be open (or between chunks), not expired, not busy, and the chunk
     * must start where the last one ended.
     */
    @WithTransaction
    public Uni<Upload> begin(UploadTokens.Claims claims, ChunkRange range, int partSize) {
        return uploads.lock(claims.projectId(), claims.uploadId())
                .onItem()
                .ifNull()
                .failWith(() -> gone("This upload no longer exists."))
                .invoke(upload -> {
                    Instant now = Times.now();
                    if (upload.isFinal()) {
                        throw gone("This upload URL was already used. Ask for a new one with POST /uploads.");
                    }
                    if (now.isAfter(upload.expires)) {
                        throw new ApiException(
                                410,
                                "upload_url_expired",
                                "This upload URL has expired. Ask for a " + "new one with POST /uploads.",
                                null);
                    }
                    if (Upload.RECEIVING.equals(upload.status) && upload.updated.isAfter(now.minus(staleReceiving))) {
                        throw ApiException.conflict(
                                "upload_busy",
                                "Another request is sending to this upload right "
                                        + "now. Wait for it to finish, then ask GET on the upload URL where to resume.");
                    }
                    checkRange(upload, range, partSize);
                    upload.status = Upload.RECEIVING;
                    upload.updated = now;
                });
    }

    private static void checkRange(Upload upload, ChunkRange range, int partSize) {
        if (range == null) {
            if (upload.received > 0) {
                throw ApiException.conflict(
                        "upload_incomplete",
                        "Part of this file has arrived already ("
                                + upload.received + " bytes). Send the rest with Content-Range: bytes "
                                + upload.received
                                + "-<last>/" + upload.total + ".");
            }
            return;
        }
        if (upload.total != null && range.total() != upload.total) {
            throw ApiException.badRequest(
                    "invalid_content_range",
                    "The total size changed from " + upload.total + " to " + range.total() + " bytes.",
                    ChunkRange.HEADER);
        }
        if (range.start() != upload.received) {
            throw ApiException.conflict(
                    "wrong_offset",
                    "This chunk starts at byte " + range.start() + " but the "
                            + "upload has " + upload.received + " bytes; send the chunk that starts at "
                            + upload.received
                            + ".");
        }
        if (!range.isLast() && range.length() % partSize != 0) {
            throw ApiException.badRequest(
                    "invalid_chunk_size",
                    "Every chunk but the last must be a multiple of "
                            + partSize + " bytes (" + (partSize / (1024 * 1024)) + " MiB); this one is "
                            + range.length()
                            + ".",
                    ChunkRange.HEADER);
        }
    }

    /** Records a chunk that arrived whole; the upload waits for the next. */
    @WithTransaction
    public Uni<UploadView> chunkReceived(UploadTokens.Claims claims, S3Upload.State state, long total) {
        return uploads.lock(claims.projectId(), claims.uploadId()).map(upload -> {
            upload.status = Upload.PARTIAL;
            upload.multipartId = state.multipartId();
            upload.parts = writeParts(state.parts());
            upload.received = state.bytes();
            upload.total = total;
            upload.updated = Times.now();
            return UploadView.of(upload, null);
        });
    }

    /** The state a chunk continues from. */
    public S3Upload.State stateOf(Upload upload) {
        try {
            List<S3Upload.Part> parts = List.of(json.readValue(upload.parts, S3Upload.Part[].class));
            return new S3Upload.State(upload.multipartId, parts, upload.received);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Upload " + upload.id + " has unreadable parts", e);
        }
    }

    private String writeParts(List<S3Upload.Part> parts) {
        try {
            return json.writeValueAsString(parts);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file is stored and probed: its media is made, ready, and the upload is used up. */
    @WithTransaction
    public Uni<MediaView> complete(UploadTokens.Claims claims, S3Upload.Stored stored, OriginalProbe.Probed probed) {
        return uploads.lock(claims.projectId(), claims.uploadId()).chain(upload -> {
            Media media = new Media();
            media.id = upload.mediaId;
            media.projectId = upload.projectId;
            media.status = Media.PROCESSING;
            media.metadata = new HashMap<>(upload.metadata);
            media.workflowId = upload.workflowId;
            media.created = Times.now();
            media.updated = media.created;
            media.expires = upload.mediaTimeout == null ? null : media.created.plusSeconds(upload.mediaTimeout);
            upload.status = Upload.COMPLETED;
            upload.received = stored.size();
            upload.updated = media.created;
            return io.quarkus.hibernate.reactive.panache.Panache.getSession()
                    .chain(session -> session.persist(media))
                    .chain(() -> usage.uploaded(upload.projectId, media.id, stored.size()))
                    .chain(() -> intake.attach(media, stored, probed))
                    .call(view -> events.emit(EventType.MEDIA_CREATED, media.projectId, view))
                    .call(() -> events.emit(EventType.UPLOAD_COMPLETED, upload.projectId, UploadView.of(upload, null)));
        });
    }

    /**
     * The request failed. A rejected file ({@code final}) uses the upload up and its bytes are discarded; a broken
     * connection leaves the upload where the last whole chunk left it, to be resumed.
     */
    @WithTransaction
    public Uni<Void> failed(
            UploadTokens.Claims claims, ApiException reason, boolean rejectFile, String abandonedMultipartId) {
        return uploads.lock(claims.projectId(), claims.uploadId()).chain(upload -> {
            if (upload == null || upload.isFinal()) {
                return Uni.createFrom().voidItem();
            }
            upload.updated = Times.now();
            if (rejectFile) {
                upload.status = Upload.FAILED;
                upload.error = reason.getMessage();
                return discard(upload, abandonedMultipartId);
            }
            upload.status = upload.received > 0 ? Upload.PARTIAL : Upload.OPEN;
            if (upload.received == 0 && abandonedMultipartId != null) {
                return garbage.discardMultipart(upload.storageKey, abandonedMultipartId);
            }
            return Uni.createFrom().voidItem();
        });
    }

    /** Unfinished uploads whose URL expired: their parts and bytes are discarded. */
    @WithTransaction
    public Uni<Integer> expireAbandoned() {
        return uploads.lockAbandoned(Times.now(), 50)
                .chain(list -> InTurn.each(list, upload -> {
                            upload.status = Upload.FAILED;
                            upload.error = "The upload URL expired before the file was complete.";
                            upload.updated = Times.now();
                            return discard(upload, null);
                        })
                        .replaceWith(list.size()));
    }

    private Uni<Void> discard(Upload upload, String abandonedMultipartId) {
        String multipart = abandonedMultipartId != null ? abandonedMultipartId : upload.multipartId;
        return multipart != null
                ? garbage.discardMultipart(upload.storageKey, multipart)
                : garbage.discard(upload.storageKey);
    }

    static ApiException gone(String message) {
        return new ApiException(410, "upload_url_used", message, null);
    }
}
