package io.mediawerk.media;

import io.mediawerk.api.ApiException;
import io.mediawerk.api.JsonFields;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** When media expire: {@code expires} (ISO time) or {@code timeout} (seconds from now), never both. */
public final class ExpiryRules {

    public static final Duration MIN = Duration.ofSeconds(60);
    public static final Duration MAX = Duration.ofDays(365);
    public static final long MAX_TIMEOUT_SECONDS = 31_536_000;

    private ExpiryRules() {}

    /** Empty when the body says nothing of expiry; an Optional of null when it clears it. */
    public static Optional<Optional<Instant>> fromBody(JsonFields body, Instant now) {
        boolean hasExpires = body.has("expires");
        boolean hasTimeout = body.has("timeout");
        if (hasExpires && hasTimeout) {
            throw ApiException.badRequest("conflicting_fields", "Send either expires or timeout, not both.", "timeout");
        }
        if (hasExpires) {
            return Optional.of(
                    Optional.ofNullable(body.isNull("expires") ? null : parseExpires(body.text("expires", 64), now)));
        }
        if (hasTimeout) {
            Long timeout = body.integer("timeout");
            return Optional.of(Optional.ofNullable(timeout == null ? null : fromTimeout("timeout", timeout, now)));
        }
        return Optional.empty();
    }

    public static Instant parseExpires(String text, Instant now) {
        Instant expires;
        try {
            expires = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(
                    "expires",
                    "expires must be an ISO 8601 date and time such as " + "2030-01-31T12:00:00.000Z; got '" + text
                            + "'.");
        }
        if (expires.isBefore(now.plus(MIN)) || expires.isAfter(now.plus(MAX))) {
            throw ApiException.invalid("expires", "expires must be between 60 seconds and 365 days from now.");
        }
        return expires;
    }

    public static Instant fromTimeout(String field, long seconds, Instant now) {
        if (seconds < MIN.toSeconds() || seconds > MAX_TIMEOUT_SECONDS) {
            throw ApiException.invalid(
                    field,
                    field + " must be from " + MIN.toSeconds() + " to " + MAX_TIMEOUT_SECONDS + " seconds; got "
                            + seconds + ".");
        }
        return now.plusSeconds(seconds);
    }
}
