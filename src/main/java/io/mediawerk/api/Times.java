package io.mediawerk.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as the API shows them: UTC, millisecond precision, the same in the database and in answers. */
public final class Times {

    private Times() {}

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
