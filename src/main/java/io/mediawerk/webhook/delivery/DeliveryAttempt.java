package io.mediawerk.webhook.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One POST of a delivery and what came of it. */
@Entity
@Table(name = "webhook_attempts")
public class DeliveryAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "delivery_id", nullable = false)
    public String deliveryId;

    @Column(nullable = false)
    public Instant attempted;

    /** The receiver's HTTP status; null when it gave none (refused, timed out, unreachable). */
    @Column(name = "status_code")
    public Integer statusCode;

    @Column(name = "duration_ms", nullable = false)
    public int durationMs;

    public String error;

    /** The start of the receiver's answer, for debugging. */
    public String response;
}
