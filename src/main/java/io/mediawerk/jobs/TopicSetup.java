package io.mediawerk.jobs;

import io.mediawerk.config.KafkaSettings;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creates the job topics with the configured partitions when they are missing; existing ones are left alone. */
@ApplicationScoped
public class TopicSetup {

    private final String bootstrapServers;
    private final KafkaSettings settings;

    public TopicSetup(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, KafkaSettings kafkaSettings) {
        this.bootstrapServers = bootstrapServers;
        this.settings = kafkaSettings;
    }

    public void ensureTopics() throws Exception {
        if (!settings.createTopics()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : Topics.ALL) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, settings.partitions(), settings.replicationFactor()));
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            List<String> created = new ArrayList<>();
            for (Map.Entry<String, KafkaFuture<Void>> topic :
                    admin.createTopics(missing).values().entrySet()) {
                try {
                    topic.getValue().get(30, TimeUnit.SECONDS);
                    created.add(topic.getKey());
                } catch (ExecutionException e) {
                    // instances starting together race to create it; the one that loses finds it made
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            Log.infof("Created Kafka topics %s with %d partitions", created, settings.partitions());
        }
    }
}
