package io.mediawerk.task.worker;

import io.mediawerk.config.TransformSettings;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start when Kafka would give up on a task before the task itself times out, on any task topic: the
 * throttled commit strategy reports the consumer unhealthy once a message waits longer than its limit for
 * acknowledgement, and every task family shares the time limit {@code mediawerk.transforms.timeout}.
 */
@ApplicationScoped
class LongTaskSettings {

    /** The incoming channels that run tasks. */
    static final List<String> TASK_CHANNELS = List.of("transforms", "intelligence");

    void check(@Observes StartupEvent started, Config config, TransformSettings transformSettings) {
        problem(
                        transformSettings.timeout(),
                        transformSettings.lease(),
                        name -> config.getOptionalValue(name, Long.class))
                .ifPresent(message -> {
                    throw new IllegalStateException(message);
                });
    }

    /** What is wrong with these settings, if anything: {@code maxAgeMs} reads a channel's setting by its name. */
    static Optional<String> problem(Duration timeout, Duration lease, Function<String, Optional<Long>> maxAgeMs) {
        Duration longest = timeout.plus(lease);
        for (String channel : TASK_CHANNELS) {
            String maxAge = "mp.messaging.incoming." + channel + ".throttled.unprocessed-record-max-age.ms";
            long limit = maxAgeMs.apply(maxAge).orElse(60_000L);
            if (limit > 0 && limit < longest.toMillis()) {
                return Optional.of("MEDIAWERK_TRANSFORMS_TIMEOUT (" + timeout + ") is longer than Kafka waits for a "
                        + "task on '" + channel + "' (" + maxAge + " = " + limit + " ms): raise MP_MESSAGING_INCOMING_"
                        + channel.toUpperCase(Locale.ROOT) + "_THROTTLED_UNPROCESSED_RECORD_MAX_AGE_MS above it.");
            }
        }
        return Optional.empty();
    }
}
