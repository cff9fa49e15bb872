package io.mediawerk.webhook;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<Webhook, String> {

    public Uni<Webhook> findInProject(String projectId, String id) {
        return find("id = ?1 and projectId = ?2", id, projectId).firstResult();
    }

    public Uni<List<Webhook>> activeOf(Collection<String> projectIds) {
        return list("projectId in ?1 and status = ?2", projectIds, Webhook.ACTIVE);
    }

    public Uni<List<Webhook>> byIds(Collection<String> ids) {
        return list("id in ?1", ids);
    }

    /** After a successful attempt the webhook is no longer failing. */
    public Uni<Integer> succeeded(String id) {
        return update("failingSince = null where id = ?1 and failingSince is not null", id);
    }

    /** A failed attempt starts a failing stretch, unless one is running. */
    public Uni<Integer> failed(String id, Instant now) {
        return update("failingSince = ?2 where id = ?1 and failingSince is null", id, now);
    }

    /** Disables the webhook if it is active and has been failing since {@code threshold} or earlier. */
    public Uni<Integer> disableIfFailingSince(String id, Instant threshold, String reason, Instant now) {
        return update(
                "status = ?2, disabledReason = ?3, updated = ?4 where id = ?1 and status = ?5 "
                        + "and failingSince <= ?6",
                id,
                Webhook.DISABLED,
                reason,
                now,
                Webhook.ACTIVE,
                threshold);
    }
}
