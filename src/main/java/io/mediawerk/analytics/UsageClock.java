package io.mediawerk.analytics;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;

/** The day usage is counted on (UTC). Tests move it to count over several days. */
@ApplicationScoped
public class UsageClock {

    private volatile Clock clock = Clock.systemUTC();

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Counts on the days of {@code other} from now on; {@link Clock#systemUTC()} puts it back. */
    public void use(Clock other) {
        clock = other;
    }
}
