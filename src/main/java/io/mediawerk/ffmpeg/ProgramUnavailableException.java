package io.mediawerk.ffmpeg;

/** An external program could not be started; the message says how to install it. */
public class ProgramUnavailableException extends RuntimeException {

    public ProgramUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
