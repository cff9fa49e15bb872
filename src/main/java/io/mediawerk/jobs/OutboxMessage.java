package io.mediawerk.jobs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A Kafka message waiting in PostgreSQL until the relay has handed it to Kafka. */
@Entity
@Table(name = "outbox")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String topic;

    /** The Kafka record key: messages with one key keep their order (one partition). */
    @Column(nullable = false)
    public String key;

    @Column(nullable = false)
    public String payload;

    @Column(nullable = false)
    public Instant created;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;
}
