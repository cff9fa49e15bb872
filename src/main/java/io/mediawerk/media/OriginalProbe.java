package io.mediawerk.media;

import io.mediawerk.api.ApiException;
import io.mediawerk.config.IngestSettings;
import io.mediawerk.media.probe.MediaFormat;
import io.mediawerk.media.probe.MediaKind;
import io.mediawerk.media.probe.MediaProbe;
import io.mediawerk.media.probe.ProbeException;
import io.mediawerk.media.probe.ProbeResult;
import io.mediawerk.media.probe.Sniffer;
import io.mediawerk.storage.Storage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Decides what a stored original is with {@link MediaProbe} (the format from its first bytes, never its name; then
 * ffprobe on a worker thread against a short-lived S3 URL, or the HEIF header), then applies the limits. A file it cannot accept is an
 * {@link ApiException} with the status an upload answers (415, 422) and a message for the user.
 */
@ApplicationScoped
public class OriginalProbe {

    /** What the original turned out to be. */
    public record Probed(MediaFormat format, ProbeResult result) {}

    private final Storage storage;
    private final MediaProbe mediaProbe = new MediaProbe();
    private final Vertx vertx;
    private final Duration timeout;
    private final long maxPixels;

    public OriginalProbe(Storage storage, Vertx vertx, IngestSettings ingestSettings) {
        this.storage = storage;
        this.vertx = vertx;
        this.timeout = ingestSettings.probeTimeout();
        this.maxPixels = ingestSettings.maxMegapixels() * 1_000_000L;
    }

    /** The format of a file from its first bytes, or 415. Cheap: callers check it before storing everything. */
    public static MediaFormat sniff(byte[] head) {
        if (head.length == 0) {
            throw new ApiException(415, "empty_file", "The file is empty (0 bytes).", null);
        }
        return Sniffer.sniff(head, head.length)
                .orElseThrow(() -> new ApiException(
                        415,
                        "unsupported_format",
                        "The file is not a media format Mediawerk accepts (its first bytes match none). Accepted: "
                                + Sniffer.acceptedFormats() + ".",
                        null));
    }

    public Uni<Probed> probe(String storageKey, byte[] head) {
        MediaFormat format = sniff(head);
        String url = storage.presignGet(storageKey, timeout.plusMinutes(5));
        return vertx.executeBlocking(
                        Uni.createFrom().item(() -> mediaProbe.probe(url, head, head.length, timeout)), false)
                .onFailure(ProbeException.class)
                .transform(e -> {
                    ProbeException probe = e;
                    int status = "probe_timeout".equals(probe.code()) ? 422 : 415;
                    return new ApiException(status, probe.code(), probe.getMessage(), null);
                })
                .map(result -> new Probed(format, checked(result)));
    }

    private ProbeResult checked(ProbeResult result) {
        if (MediaKind.IMAGE.equals(result.kind()) && result.width() != null && result.height() != null) {
            long pixels = (long) result.width() * result.height();
            if (pixels > maxPixels) {
                throw new ApiException(
                        422,
                        "image_too_large",
                        "The image is " + result.width() + " x " + result.height() + " pixels; the limit is "
                                + (maxPixels / 1_000_000) + " megapixels.",
                        null);
            }
        }
        return result;
    }
}
