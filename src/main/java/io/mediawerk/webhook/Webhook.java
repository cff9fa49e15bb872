package io.mediawerk.webhook;

import io.mediawerk.events.EventType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A URL of the customer's that receives the project's events, signed with its secret. */
@Entity
@Table(name = "webhooks")
public class Webhook {

    public static final String ACTIVE = "active";
    public static final String DISABLED = "disabled";

    @Id
    public String id;

    @Column(name = "project_id", nullable = false)
    public String projectId;

    @Column(nullable = false)
    public String url;

    /** Event types, or {@code ["*"]} for all. */
    @Convert(converter = EventList.class)
    @Column(nullable = false)
    public List<String> events;

    public String description;

    @Column(nullable = false)
    public String status;

    /** Set when Mediawerk disabled the webhook itself. */
    @Column(name = "disabled_reason")
    public String disabledReason;

    /** Encrypted ({@link WebhookSecrets}). */
    @Column(nullable = false)
    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_expires")
    public Instant previousSecretExpires;

    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(nullable = false)
    public Instant created;

    @Column(nullable = false)
    public Instant updated;

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public boolean wants(String eventType) {
        return events.contains(EventType.ALL) || events.contains(eventType);
    }
}
