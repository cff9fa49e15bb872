package io.mediawerk.jobs;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Hands outbox messages to Kafka and deletes each once Kafka has acknowledged it, in the transaction that locked
 * it. A crash between the acknowledgement and the commit sends the message again: consumers are idempotent. It runs
 * when a writing transaction commits ({@link OutboxWakeUp}) and, as a safety net, every poll interval.
 */
@ApplicationScoped
public class OutboxRelay {

    static final int BATCH = 100;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(40);

    private final OutboxRepository messages;
    private final MutinyEmitter<String> kafka;
    private final OutboxWakeUp wakeUp;

    public OutboxRelay(OutboxRepository messages, @Channel("outbox") MutinyEmitter<String> kafka, OutboxWakeUp wakeUp) {
        this.messages = messages;
        this.kafka = kafka;
        this.wakeUp = wakeUp;
    }

    @Scheduled(
            every = "${mediawerk.outbox.poll-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relayOnSchedule() {
        wakeUp.listen(this::relayAll);
        return relayAll()
                .onFailure()
                .invoke(e -> Log.warnf("Relaying the outbox to Kafka failed, will retry: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Relays batches until the outbox is empty; returns how many messages were sent. */
    public Uni<Integer> relayAll() {
        return relayBatch()
                .chain(sent ->
                        sent < BATCH ? Uni.createFrom().item(sent) : relayAll().map(more -> sent + more));
    }

    @WithTransaction
    public Uni<Integer> relayBatch() {
        return messages.lockOldest(BATCH).chain(this::sendAndDelete);
    }

    private Uni<Integer> sendAndDelete(List<OutboxMessage> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom()
                .iterable(batch)
                .onItem()
                .transformToUniAndMerge(this::send)
                .collect()
                .asList()
                .chain(() -> messages.delete(
                        "id in ?1", batch.stream().map(m -> m.id).toList()))
                .map(deleted -> batch.size());
    }

    private Uni<Void> send(OutboxMessage message) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(message.topic)
                .withKey(message.key)
                .build();
        return kafka.sendMessage(Message.of(message.payload).addMetadata(metadata))
                .ifNoItem()
                .after(SEND_TIMEOUT)
                .fail();
    }
}
