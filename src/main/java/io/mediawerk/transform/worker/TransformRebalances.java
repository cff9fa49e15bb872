package io.mediawerk.transform.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Counts the transform partitions taken away from this instance's consumers. Outside of instances joining or
 * leaving, the count must not move: a consumer that stopped polling during a long transform would lose its
 * partitions (the metric {@code mediawerk_transform_partitions_revoked_total} is worth an alert).
 */
@ApplicationScoped
@Identifier(TransformRebalances.NAME)
public class TransformRebalances implements KafkaConsumerRebalanceListener {

    public static final String NAME = "transform-rebalances";

    private final AtomicLong revoked = new AtomicLong();
    private final Counter counter;

    public TransformRebalances(MeterRegistry registry) {
        this.counter = Counter.builder("mediawerk.transform.partitions.revoked")
                .description("Transform topic partitions taken from this instance's consumers").register(registry);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        count(partitions, "revoked");
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        count(partitions, "lost");
    }

    /** Partitions revoked or lost since this instance started. */
    public long revoked() {
        return revoked.get();
    }

    private void count(Collection<TopicPartition> partitions, String how) {
        if (!partitions.isEmpty()) {
            revoked.addAndGet(partitions.size());
            counter.increment(partitions.size());
            Log.infof("Transform partitions %s: %s", how, partitions);
        }
    }
}
