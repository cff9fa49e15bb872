package io.mediawerk.webhook;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the webhook operations as the API documents them; {@link WebhookRequest} reads them. */
final class WebhookBodies {

    private WebhookBodies() {}

    private static final String EVENTS = "Event types to send, such as media.ready or transform.*; all by default.";

    @Schema(name = "CreateWebhookRequest")
    record Create(
            @Schema(required = true, description = "The https URL that receives the events.")
            String url,

            @Schema(description = EVENTS) List<String> events,
            @Schema(maxLength = 500) String description,

            @Schema(
                    enumeration = {"active", "disabled"},
                    defaultValue = "active")
            String status) {}

    @Schema(name = "UpdateWebhookRequest", description = "Only the fields given change.")
    record Update(
            String url,
            @Schema(description = EVENTS) List<String> events,
            @Schema(maxLength = 500) String description,
            @Schema(enumeration = {"active", "disabled"}) String status) {}

    @Schema(name = "RotateWebhookSecretRequest")
    record Rotate(
            @Schema(
                    minimum = "0",
                    maximum = "604800",
                    defaultValue = "86400",
                    description = "Seconds the previous secret keeps signing beside the new one.")
            Long graceSeconds) {}
}
