package io.mediawerk.webhook.dispatch;

/**
 * What one POST came to: the receiver's status (null when it gave none), how long it took, what went wrong (null
 * on success) and the start of its answer.
 */
public record AttemptOutcome(Integer statusCode, int durationMs, String error, String response) {

    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    static AttemptOutcome answered(int statusCode, int durationMs, String location, String response) {
        String error = null;
        if (statusCode >= 300 && statusCode < 400) {
            error = "The receiver answered HTTP " + statusCode + (location == null ? "" : " redirecting to " + location)
                    + "; redirects are not followed: give the webhook its final URL.";
        } else if (statusCode < 200 || statusCode >= 300) {
            error = "The receiver answered HTTP " + statusCode + "; only a 2xx counts as delivered.";
        }
        return new AttemptOutcome(statusCode, durationMs, error, response);
    }

    static AttemptOutcome failed(int durationMs, String error) {
        return new AttemptOutcome(null, durationMs, error, null);
    }
}
