package io.mediawerk.webhook.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The default schedule: 5 s, doubling to 4 h, with ±25 % jitter, over a window of 26 h. */
class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(4));
    private final Instant now = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void waitsDoubleUpToTheLongest() {
        assertThat(schedule.delay(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.delay(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.delay(5)).isEqualTo(Duration.ofSeconds(80));
        assertThat(schedule.delay(13)).isEqualTo(Duration.ofHours(4));
        assertThat(schedule.delay(1000)).isEqualTo(Duration.ofHours(4));
    }

    @RepeatedTest(20)
    void eachWaitIsSpreadByAQuarter() {
        Instant next = schedule.next(3, now, now.plus(Duration.ofHours(26)));
        assertThat(Duration.between(now, next)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(25));
    }

    @Test
    void theLastAttemptFallsAtTheEndOfTheWindowAndThenItStops() {
        Instant until = now.plusSeconds(3);
        assertThat(schedule.next(4, now, until)).isEqualTo(until);
        assertThat(schedule.next(5, until, until)).isNull();
    }

    @Test
    void theDefaultsRetryForMoreThanADay() {
        Instant start = now;
        Instant until = now.plus(Duration.ofHours(26));
        Instant at = start;
        int attempts = 1;
        Instant next;
        while ((next = schedule.next(attempts, at, until)) != null) {
            at = next;
            attempts++;
        }
        assertThat(Duration.between(start, at)).isGreaterThanOrEqualTo(Duration.ofHours(24));
        assertThat(attempts).isBetween(15, 25);
    }
}
