package io.mediawerk.webhook.delivery;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.mediawerk.api.ApiObject;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A delivery as the API shows it: the event sent (as it was signed), where it stands, and every attempt. The
 * {@code webhook-id} header of every attempt is {@code event_id}.
 */
@Schema(name = "WebhookDelivery")
public record DeliveryView(
        String id,
        String object,
        String webhookId,
        String eventId,
        String eventType,
        String status,
        Instant nextAttempt,
        Instant retryUntil,
        Integer lastStatusCode,
        String lastError,
        Instant delivered,
        List<Attempt> attempts,
        @JsonRawValue String event,
        Instant created,
        Instant updated)
        implements ApiObject {

    /** One POST: when, the receiver's status (null if none), how long it took and what went wrong. */
    public record Attempt(Instant attempted, Integer statusCode, int durationMs, String error, String response) {

        static Attempt of(DeliveryAttempt attempt) {
            return new Attempt(
                    attempt.attempted, attempt.statusCode, attempt.durationMs, attempt.error, attempt.response);
        }
    }

    public static DeliveryView of(Delivery delivery, List<DeliveryAttempt> attempts) {
        return new DeliveryView(
                delivery.id,
                "delivery",
                delivery.webhookId,
                delivery.eventId,
                delivery.eventType,
                delivery.status,
                delivery.nextAttempt,
                delivery.retryUntil,
                delivery.lastStatusCode,
                delivery.lastError,
                delivery.delivered,
                attempts.stream().map(Attempt::of).toList(),
                delivery.payload,
                delivery.created,
                delivery.updated);
    }

    @Override
    @JsonIgnore
    public String selfPath() {
        return parentPath() + "/" + id;
    }

    @Override
    @JsonIgnore
    public String parentPath() {
        return "/webhooks/" + webhookId + "/deliveries";
    }
}
