package io.mediawerk.webhook.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;

/**
 * One event for one webhook: sent until the receiver answers 2xx or the retry window ends, always with the same
 * body and the event's id as {@code webhook-id}, so the receiver can tell a retry from a new event.
 */
@Entity
@Table(name = "webhook_deliveries")
public class Delivery {

    public static final String PENDING = "pending";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final Set<String> STATUSES = Set.of(PENDING, SUCCEEDED, FAILED);

    @Id
    public String id;

    @Column(name = "webhook_id", nullable = false)
    public String webhookId;

    @Column(name = "project_id", nullable = false)
    public String projectId;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The exact body sent and signed. */
    @Column(nullable = false)
    public String payload;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    /** When the next attempt is due, while pending. */
    @Column(name = "next_attempt")
    public Instant nextAttempt;

    /** After this, a failed attempt is the last one. */
    @Column(name = "retry_until", nullable = false)
    public Instant retryUntil;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    public Instant delivered;

    @Column(nullable = false)
    public Instant created;

    @Column(nullable = false)
    public Instant updated;
}
