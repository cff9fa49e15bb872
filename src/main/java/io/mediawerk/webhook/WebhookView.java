package io.mediawerk.webhook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.mediawerk.api.ApiObject;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A webhook as the API shows it. {@code secret} is present only in the answers that made it (create, rotate);
 * {@code disabled_reason} says why Mediawerk disabled it.
 */
@Schema(name = "Webhook")
public record WebhookView(
        String id,
        String object,
        String url,
        List<String> events,
        String description,
        String status,
        String disabledReason,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
        Instant previousSecretExpires,
        Instant failingSince,
        Instant created,
        Instant updated)
        implements ApiObject {

    public static WebhookView of(Webhook webhook, String plainSecret) {
        return new WebhookView(
                webhook.id,
                "webhook",
                webhook.url,
                webhook.events,
                webhook.description,
                webhook.status,
                webhook.disabledReason,
                plainSecret,
                webhook.previousSecretExpires,
                webhook.failingSince,
                webhook.created,
                webhook.updated);
    }

    @Override
    public WebhookView withoutSecrets() {
        return new WebhookView(
                id,
                object,
                url,
                events,
                description,
                status,
                disabledReason,
                null,
                previousSecretExpires,
                failingSince,
                created,
                updated);
    }

    @Override
    @JsonIgnore
    public String selfPath() {
        return "/webhooks/" + id;
    }

    @Override
    @JsonIgnore
    public String parentPath() {
        return "/webhooks";
    }
}
