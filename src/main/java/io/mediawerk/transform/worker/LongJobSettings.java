package io.mediawerk.transform.worker;

import io.mediawerk.config.MediawerkConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start when Kafka would give up on a transform before the transform itself times out: the throttled
 * commit strategy reports the consumer unhealthy once a message waits longer than its limit for acknowledgement.
 */
@ApplicationScoped
class LongJobSettings {

    static final String MAX_AGE = "mp.messaging.incoming.transforms.throttled.unprocessed-record-max-age.ms";

    void check(@Observes StartupEvent started, Config config, MediawerkConfig settings) {
        Duration timeout = settings.transforms().timeout();
        long maxAgeMs = config.getOptionalValue(MAX_AGE, Long.class).orElse(60_000L);
        if (maxAgeMs > 0 && maxAgeMs < timeout.plus(settings.transforms().lease()).toMillis()) {
            throw new IllegalStateException("MEDIAWERK_TRANSFORMS_TIMEOUT (" + timeout + ") is longer than Kafka "
                    + "waits for a transform (" + MAX_AGE + " = " + maxAgeMs + " ms): raise "
                    + "MP_MESSAGING_INCOMING_TRANSFORMS_THROTTLED_UNPROCESSED_RECORD_MAX_AGE_MS above it.");
        }
    }
}
