package io.mediawerk.ingest;

/** Why an ingest failed for good, in words the user can act on; becomes the media's {@code error}. */
public class IngestFailure extends RuntimeException {

    private final String code;

    public IngestFailure(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
