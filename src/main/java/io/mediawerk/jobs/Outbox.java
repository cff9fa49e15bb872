package io.mediawerk.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediawerk.api.Times;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Queues a Kafka message in the caller's transaction, so that it is sent if and only if the change that caused it
 * commits. {@link OutboxRelay} sends it afterwards; consumers must tolerate a message arriving twice.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository messages;
    private final ObjectMapper json;

    public Outbox(OutboxRepository messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** Must run inside a transaction ({@code @WithTransaction} on the calling service). */
    public Uni<Void> add(String topic, String key, Object payload) {
        OutboxMessage message = new OutboxMessage();
        message.topic = topic;
        message.key = key;
        message.payload = serialize(payload);
        message.created = Times.now();
        return messages.persist(message).chain(messages::notifyRelay);
    }

    private String serialize(Object payload) {
        try {
            return payload instanceof String text ? text : json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Outbox payload cannot be serialised", e);
        }
    }
}
