package io.mediawerk.media.probe;

/** A file could not be probed; the code is for machines, the message tells the user what is wrong with the file. */
public class ProbeException extends RuntimeException {

    public static final String UNSUPPORTED_FORMAT = "unsupported_format";
    public static final String CORRUPT_FILE = "corrupt_file";
    public static final String PROBE_TIMEOUT = "probe_timeout";
    public static final String NO_MEDIA_STREAMS = "no_media_streams";
    /** The file could not be read at all (missing, or its URL refused); not the user's fault. */
    public static final String SOURCE_UNREADABLE = "source_unreadable";

    private final String code;

    public ProbeException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }

    static ProbeException unsupportedFormat() {
        return new ProbeException(
                UNSUPPORTED_FORMAT,
                "The file is not a media file Mediawerk accepts (its first bytes "
                        + "match no known format). Accepted: " + Sniffer.acceptedFormats());
    }

    static ProbeException corrupt(MediaFormat format, String reason) {
        String because = reason == null || reason.isBlank() ? "" : " (" + reason + ")";
        return new ProbeException(
                CORRUPT_FILE,
                "The file starts like " + format.label() + " but could not be read" + because
                        + ". It may be damaged or only partly uploaded.");
    }

    static ProbeException timeout(MediaFormat format, long seconds) {
        return new ProbeException(
                PROBE_TIMEOUT,
                "Inspecting the " + format.label() + " file took longer than " + seconds
                        + (seconds == 1 ? " second" : " seconds") + ". It may be damaged or unusually complex.");
    }

    static ProbeException noMediaStreams(MediaFormat format) {
        String what = MediaKind.IMAGE.equals(format.kind()) ? "no picture" : "no audio or video";
        return new ProbeException(
                NO_MEDIA_STREAMS, "The " + format.label() + " file holds " + what + " that Mediawerk can read.");
    }

    static ProbeException unreadable(String reason) {
        String because = reason == null || reason.isBlank() ? "" : " (" + reason + ")";
        return new ProbeException(
                SOURCE_UNREADABLE,
                "Mediawerk could not read the file to inspect it" + because
                        + ". This is not a problem with the file; please try again later.");
    }
}
