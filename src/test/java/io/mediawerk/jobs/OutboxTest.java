package io.mediawerk.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediawerk.api.Ids;
import io.mediawerk.testing.Db;
import io.mediawerk.testing.TestStack;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Messages reach Kafka if and only if their transaction commits, even when Kafka is down at that moment. */
@Tag("stack")
@QuarkusTest
class OutboxTest {

    private static final String TOPIC = "mediawerk.test-outbox";

    @Inject
    Outbox outbox;

    @Inject
    OutboxRepository messages;

    @Inject
    OutboxWakeUp wakeUp;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void committedMessagesReachKafkaWithTheirKey() {
        String key = Ids.newId("tst");
        Db.inTransaction(() -> outbox.add(TOPIC, key, Map.of("hello", "world")));
        List<ConsumerRecord<String, String>> received = consumeUntilKey(key, Duration.ofSeconds(60));
        assertThat(received).anySatisfy(record -> {
            assertThat(record.key()).isEqualTo(key);
            assertThat(record.value()).isEqualTo("{\"hello\":\"world\"}");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting(key) == 0);
    }

    @Test
    void aCommitNotifiesTheListeningRelay() {
        // the relay starts listening at its first run; from then on every commit that wrote to the outbox notifies
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            long before = wakeUp.notifications();
            Db.inTransaction(() -> outbox.add(TOPIC, Ids.newId("tst"), "wake"));
            await().atMost(Duration.ofSeconds(2)).until(() -> wakeUp.notifications() > before);
        });
    }

    @Test
    void rolledBackMessagesAreNeverSent() {
        String key = Ids.newId("tst");
        try {
            Db.inTransaction(() -> outbox.add(TOPIC, key, "never")
                    .chain(() -> Uni.createFrom().failure(new IllegalStateException("the change failed"))));
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        assertThat(waiting(key)).isZero();
        String marker = Ids.newId("tst");
        Db.inTransaction(() -> outbox.add(TOPIC, marker, "m"));
        List<ConsumerRecord<String, String>> received = consumeUntilKey(marker, Duration.ofSeconds(60));
        assertThat(received).noneMatch(record -> key.equals(record.key()));
    }

    @Test
    void messagesWaitOutAKafkaOutage() throws InterruptedException {
        String key = Ids.newId("tst");
        TestStack.control("kafka", "stop");
        try {
            Db.inTransaction(() -> outbox.add(TOPIC, key, "survives"));
            Thread.sleep(3000);
            assertThat(waiting(key)).isEqualTo(1);
        } finally {
            TestStack.control("kafka", "start");
        }
        assertThat(consumeUntilKey(key, Duration.ofSeconds(90))).anyMatch(record -> key.equals(record.key()));
    }

    private long waiting(String key) {
        return Db.inSession(() -> messages.count("key", key));
    }

    private List<ConsumerRecord<String, String>> consumeUntilKey(String key, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, Ids.newId("grp"));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(TOPIC));
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
                if (received.stream().anyMatch(record -> key.equals(record.key()))) {
                    return received;
                }
            }
        }
        throw new AssertionError("No record with key " + key + " arrived on " + TOPIC + " within " + timeout);
    }
}
