package io.mediawerk.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiException;
import io.mediawerk.api.ApiObject;
import io.mediawerk.api.Deleted;
import io.mediawerk.api.Fields;
import io.mediawerk.api.Ids;
import io.mediawerk.api.JsonFields;
import io.mediawerk.api.Page;
import io.mediawerk.api.PageRequest;
import io.mediawerk.api.ProjectLists;
import io.mediawerk.api.Times;
import io.mediawerk.config.WebhookSettings;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** The rules of webhooks at the API: where they may point, what they subscribe to, and their secrets. */
@ApplicationScoped
public class WebhookService {

    private static final long MAX_GRACE_SECONDS = Duration.ofDays(7).toSeconds();

    private final WebhookRepository webhooks;
    private final WebhookTargets targets;
    private final WebhookSecrets secrets;
    private final WebhookSettings settings;

    public WebhookService(
            WebhookRepository webhooks,
            WebhookTargets targets,
            WebhookSecrets secrets,
            WebhookSettings webhookSettings) {
        this.webhooks = webhooks;
        this.targets = targets;
        this.secrets = secrets;
        this.settings = webhookSettings;
    }

    @WithSession
    public Uni<Page<WebhookView>> list(String projectId, PageRequest page) {
        return ProjectLists.page(webhooks, projectId, page, webhook -> WebhookView.of(webhook, null));
    }

    public Uni<WebhookView> create(String projectId, ObjectNode body) {
        WebhookRequest request = WebhookRequest.create(body);
        return checkedUrl(request.url())
                .chain(url -> Panache.withTransaction(() -> webhooks.count("projectId", projectId)
                        .chain(count -> {
                            if (count >= settings.maxPerProject()) {
                                throw ApiException.conflict(
                                        "too_many_webhooks",
                                        "This project has " + count
                                                + " webhooks, the most it may have. Delete one, or subscribe one to more events.");
                            }
                            String secret = secrets.newSecret();
                            Webhook webhook = new Webhook();
                            webhook.id = Ids.newId("whk");
                            webhook.projectId = projectId;
                            webhook.url = url;
                            webhook.events = request.events();
                            webhook.description = request.description();
                            webhook.status = request.status() == null ? Webhook.ACTIVE : request.status();
                            webhook.secret = secrets.seal(secret);
                            webhook.created = Times.now();
                            webhook.updated = webhook.created;
                            return webhooks.persist(webhook).map(saved -> WebhookView.of(saved, secret));
                        })));
    }

    @WithSession
    public Uni<WebhookView> get(String projectId, String id) {
        return find(projectId, id).map(webhook -> WebhookView.of(webhook, null));
    }

    public Uni<WebhookView> update(String projectId, String id, ObjectNode body) {
        WebhookRequest request = WebhookRequest.update(body);
        Uni<String> url = request.url() == null ? Uni.createFrom().nullItem() : checkedUrl(request.url());
        return url.chain(checked ->
                Panache.withTransaction(() -> find(projectId, id).map(webhook -> {
                    if (checked != null && !checked.equals(webhook.url)) {
                        webhook.url = checked;
                        webhook.failingSince = null;
                    }
                    if (request.events() != null) {
                        webhook.events = request.events();
                    }
                    if (request.hasDescription()) {
                        webhook.description = request.description();
                    }
                    if (request.status() != null && !request.status().equals(webhook.status)) {
                        webhook.status = request.status();
                        webhook.disabledReason = null;
                        webhook.failingSince = null;
                    }
                    webhook.updated = Times.now();
                    return WebhookView.of(webhook, null);
                })));
    }

    /** Deletes the webhook with its deliveries; nothing more is sent to it, even what was waiting for a retry. */
    @WithTransaction
    public Uni<ApiObject> delete(String projectId, String id) {
        return find(projectId, id)
                .chain(webhook -> webhooks.delete(webhook).replaceWith(Deleted.of(WebhookView.of(webhook, null))));
    }

    /**
     * A new secret, shown once; the old one keeps signing (a second signature in the header) for the grace period,
     * so receivers can switch without losing an event. {@code grace_seconds: 0} drops it at once.
     */
    @WithTransaction
    public Uni<WebhookView> rotateSecret(String projectId, String id, ObjectNode body) {
        Duration grace = grace(body);
        return find(projectId, id).map(webhook -> {
            String secret = secrets.newSecret();
            Instant now = Times.now();
            webhook.previousSecret = grace.isZero() ? null : webhook.secret;
            webhook.previousSecretExpires = grace.isZero() ? null : now.plus(grace);
            webhook.secret = secrets.seal(secret);
            webhook.updated = now;
            return WebhookView.of(webhook, secret);
        });
    }

    public Uni<Webhook> find(String projectId, String id) {
        Fields.requireId(id, "whk", "webhook");
        return webhooks.findInProject(projectId, id)
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.notFound("webhook", id));
    }

    private Duration grace(ObjectNode body) {
        if (body == null) {
            return settings.secretGrace();
        }
        Long seconds = JsonFields.of(body, Set.of("grace_seconds")).integer("grace_seconds");
        if (seconds == null) {
            return settings.secretGrace();
        }
        if (seconds < 0 || seconds > MAX_GRACE_SECONDS) {
            throw ApiException.invalid(
                    "grace_seconds",
                    "grace_seconds must be from 0 (the old secret stops " + "signing at once) to " + MAX_GRACE_SECONDS
                            + " (7 days).");
        }
        return Duration.ofSeconds(seconds);
    }

    /** The URL as stored, once its form and where its host points are checked. */
    private Uni<String> checkedUrl(String url) {
        URI uri = targets.parse("url", url);
        return targets.resolve(uri)
                .onFailure(WebhookTargets.Refused.class)
                .transform(refused -> ApiException.invalid("url", refused.getMessage()))
                .replaceWith(uri.toString());
    }
}
