package io.mediawerk.intelligence.analysis;

import java.time.Duration;

/** Thrown when the input cannot be analysed (not decodable, no audio stream, ...): the message is for the user. */
public class AnalysisFailure extends RuntimeException {

    private final String code;

    public AnalysisFailure(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    static AnalysisFailure timeout(Duration timeout) {
        return new AnalysisFailure(
                "analysis_timeout",
                "The analysis took longer than " + Math.max(1, timeout.toSeconds()) + " seconds and was stopped.");
    }

    static AnalysisFailure unreadable(String reason) {
        return new AnalysisFailure("unreadable_media", reason);
    }
}
