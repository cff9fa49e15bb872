package io.mediawerk.transform.worker;

/** A transform that cannot succeed by trying again (bad media, impossible output): it fails with this message. */
class TransformFailure extends RuntimeException {

    private final String code;

    TransformFailure(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
