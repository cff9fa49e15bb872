package io.mediawerk.task.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LongTaskSettingsTest {

    private static final Duration TWO_HOURS = Duration.ofHours(2);
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final String TRANSFORMS = "mp.messaging.incoming.transforms.throttled.unprocessed-record-max-age.ms";
    private static final String INTELLIGENCE =
            "mp.messaging.incoming.intelligence.throttled.unprocessed-record-max-age.ms";

    @Test
    void everyTaskTopicMustWaitLongerThanATaskMayRun() {
        Map<String, Long> shipped = Map.of(TRANSFORMS, 10_800_000L, INTELLIGENCE, 10_800_000L);
        assertThat(LongTaskSettings.problem(TWO_HOURS, LEASE, name -> Optional.ofNullable(shipped.get(name))))
                .isEmpty();

        Map<String, Long> shortIntelligence = Map.of(TRANSFORMS, 10_800_000L, INTELLIGENCE, 3_600_000L);
        assertThat(LongTaskSettings.problem(TWO_HOURS, LEASE, name -> Optional.ofNullable(shortIntelligence.get(name))))
                .hasValueSatisfying(message -> assertThat(message)
                        .contains("'intelligence'")
                        .contains("MP_MESSAGING_INCOMING_INTELLIGENCE_THROTTLED_UNPROCESSED_RECORD_MAX_AGE_MS"));

        // unset, Kafka's default of a minute applies; 0 turns the check off
        assertThat(LongTaskSettings.problem(TWO_HOURS, LEASE, name -> Optional.empty()))
                .isPresent();
        assertThat(LongTaskSettings.problem(TWO_HOURS, LEASE, name -> Optional.of(0L)))
                .isEmpty();
    }
}
