package io.mediawerk.analytics;

import io.mediawerk.api.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The days a report covers, both included: {@code from} and {@code to} as YYYY-MM-DD, by default the last 30. */
record AnalyticsPeriod(LocalDate from, LocalDate to) {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    static AnalyticsPeriod parse(String from, String to, LocalDate today) {
        LocalDate end = to == null || to.isBlank() ? today : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        if (start.isAfter(end)) {
            throw ApiException.invalid("from", "from (" + start + ") must not be after to (" + end + ").");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw ApiException.invalid(
                    "from",
                    "A report covers at most " + MAX_DAYS + " days; " + start + " to " + end + " is "
                            + (ChronoUnit.DAYS.between(start, end) + 1) + ".");
        }
        return new AnalyticsPeriod(start, end);
    }

    private static LocalDate date(String param, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(param, param + " must be a date such as 2026-01-31; got '" + value + "'.");
        }
    }
}
