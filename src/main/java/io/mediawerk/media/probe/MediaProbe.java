package io.mediawerk.media.probe;

import java.time.Duration;

/**
 * Finds out what an uploaded file holds: its format from its first bytes, then its content with ffprobe, or from its
 * own headers where ffprobe 5.1 falls short (HEIC, animated WebP).
 */
public final class MediaProbe {

    private final Ffprobe ffprobe;

    public MediaProbe() {
        this(new Ffprobe());
    }

    public MediaProbe(Ffprobe ffprobe) {
        this.ffprobe = ffprobe;
    }

    /**
     * @param input a local path or an http(s) URL of the file
     * @param head the first bytes of the file, {@link Sniffer#HEAD_BYTES} of them if it is that long
     * @throws ProbeException when the file is not accepted or cannot be read
     */
    public ProbeResult probe(String input, byte[] head, int length, Duration timeout) {
        MediaFormat format = Sniffer.sniff(head, length).orElseThrow(ProbeException::unsupportedFormat);
        if (format == MediaFormat.HEIC) {
            return IsoBmff.heifImageSize(head, length)
                    .map(ProbeResult::heic)
                    .orElseThrow(() -> ProbeException.corrupt(format, "its image size is missing"));
        }
        ProbeResult result = ffprobe.probe(input, format, timeout);
        if (MediaKind.IMAGE.equals(result.kind()) && result.width() == null) {
            Dimensions size =
                    format == MediaFormat.WEBP ? WebpHeader.size(head, length).orElse(null) : null;
            if (size == null) {
                throw ProbeException.corrupt(format, "its picture size is missing");
            }
            result = result.withSize(size);
        }
        return result;
    }
}
