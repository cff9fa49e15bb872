package io.mediawerk.task.worker;

import io.mediawerk.jobs.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Counts the task partitions (every task topic: transforms, intelligence) taken away from this instance's consumers.
 * Outside of instances joining or leaving, the count must not move: a consumer that stopped polling during a long
 * task would lose its partitions (the metric {@code mediawerk_task_partitions_revoked_total} is worth an alert).
 */
@ApplicationScoped
@Identifier(TaskRebalances.NAME)
public class TaskRebalances implements KafkaConsumerRebalanceListener {

    public static final String NAME = "task-rebalances";

    private final AtomicLong revoked = new AtomicLong();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    public TaskRebalances(MeterRegistry registry) {
        this.registry = registry;
        counter(Topics.TRANSFORM);
        counter(Topics.INTELLIGENCE);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        count(partitions, "revoked");
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        count(partitions, "lost");
    }

    /** Partitions revoked or lost since this instance started, over every task topic. */
    public long revoked() {
        return revoked.get();
    }

    private void count(Collection<TopicPartition> partitions, String how) {
        if (partitions.isEmpty()) {
            return;
        }
        revoked.addAndGet(partitions.size());
        partitions.forEach(partition -> counter(partition.topic()).increment());
        Log.infof("Task partitions %s: %s", how, partitions);
    }

    private Counter counter(String topic) {
        return counters.computeIfAbsent(
                topic,
                name -> Counter.builder("mediawerk.task.partitions.revoked")
                        .tag("topic", name)
                        .description("Task topic partitions taken from this instance's consumers")
                        .register(registry));
    }
}
