package io.mediawerk.ffmpeg;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What an external program did.
 *
 * @param exitCode the exit status, or -1 when the program was killed because it ran out of time
 * @param stdout the first bytes of standard output, at most the limit the caller gave
 * @param stdoutTruncated whether standard output was longer than that limit (the rest was discarded)
 * @param stderrTail the last few kilobytes of standard error, decoded as UTF-8
 */
public record ProcessResult(
        int exitCode, byte[] stdout, boolean stdoutTruncated, String stderrTail, boolean timedOut, Duration elapsed) {

    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }
}
