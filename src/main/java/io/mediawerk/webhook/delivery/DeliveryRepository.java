package io.mediawerk.webhook.delivery;

import io.mediawerk.api.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, String> {

    static final int ROWS_PER_INSERT = 1000;

    /** Filters of a delivery list; null means "any". */
    public record Filter(String status, String eventType) {}

    public Uni<Delivery> findOfWebhook(String webhookId, String id) {
        return find("id = ?1 and webhookId = ?2", id, webhookId).firstResult();
    }

    public Uni<List<Delivery>> list(String webhookId, Filter filter, PageRequest page) {
        Sort.Direction direction = page.ascending() ? Sort.Direction.Ascending : Sort.Direction.Descending;
        return find(where(filter), Sort.by(page.sort(), direction).and("id", direction), parameters(webhookId, filter))
                .range(page.offset(), page.offset() + page.limit() - 1)
                .list();
    }

    public Uni<Long> count(String webhookId, Filter filter) {
        return count(where(filter), parameters(webhookId, filter));
    }

    /**
     * Makes the deliveries in one statement, skipping any whose event already has one for its webhook (Kafka may
     * hand out an event twice); those with a lease owner are made leased to it.
     *
     * @return the ids of the deliveries made
     */
    public Uni<List<String>> insertNew(List<Delivery> made) {
        if (made.size() > ROWS_PER_INSERT) {
            // PostgreSQL takes at most 65535 parameters in one statement
            return insertNew(made.subList(0, ROWS_PER_INSERT))
                    .chain(first -> insertNew(made.subList(ROWS_PER_INSERT, made.size()))
                            .map(rest -> java.util.stream.Stream.concat(first.stream(), rest.stream())
                                    .toList()));
        }
        if (made.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        StringBuilder sql = new StringBuilder("insert into webhook_deliveries (id, webhook_id, project_id, event_id, "
                + "event_type, payload, status, attempts, next_attempt, retry_until, lease_owner, lease_until, "
                + "created, updated) values ");
        for (int i = 0; i < made.size(); i++) {
            sql.append(i == 0 ? "(" : ", (")
                    .append(String.join(
                            ", ",
                            List.of(
                                    ":id" + i,
                                    ":webhook" + i,
                                    ":project" + i,
                                    ":event" + i,
                                    ":type" + i,
                                    ":payload" + i,
                                    ":status" + i,
                                    "0",
                                    ":next" + i,
                                    ":until" + i,
                                    ":owner" + i,
                                    ":lease" + i,
                                    ":now" + i,
                                    ":now" + i)))
                    .append(')');
        }
        sql.append(" on conflict (webhook_id, event_id) do nothing returning id");
        return getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), String.class);
            for (int i = 0; i < made.size(); i++) {
                Delivery delivery = made.get(i);
                query.setParameter("id" + i, delivery.id)
                        .setParameter("webhook" + i, delivery.webhookId)
                        .setParameter("project" + i, delivery.projectId)
                        .setParameter("event" + i, delivery.eventId)
                        .setParameter("type" + i, delivery.eventType)
                        .setParameter("payload" + i, delivery.payload)
                        .setParameter("status" + i, delivery.status)
                        .setParameter("next" + i, delivery.nextAttempt)
                        .setParameter("until" + i, delivery.retryUntil)
                        .setParameter("owner" + i, delivery.leaseOwner)
                        .setParameter("lease" + i, delivery.leaseUntil)
                        .setParameter("now" + i, delivery.created);
            }
            return query.getResultList();
        });
    }

    /**
     * Leases up to {@code max} due deliveries to {@code owner}, oldest first, at most {@code perWebhook} of one
     * webhook and none of the {@code busy} webhooks, so that one slow receiver's backlog cannot fill a batch. Only
     * the oldest due rows are looked at (the index on due deliveries), however long the backlog.
     * Instances skip each other's locked rows; an expired lease (a dispatcher that died) is taken over.
     */
    public Uni<List<Delivery>> claimDue(
            String owner, Instant until, int max, int perWebhook, Collection<String> busy, Instant now) {
        return getSession()
                .chain(session -> session.createNativeQuery("""
                        update webhook_deliveries set lease_owner = :owner, lease_until = :until
                        where id in (
                            select id from webhook_deliveries
                            where id in (
                                select id from (
                                    select id, next_attempt, row_number() over (
                                        partition by webhook_id order by next_attempt) as position
                                    from (
                                        select id, webhook_id, next_attempt from webhook_deliveries
                                        where status = 'pending' and next_attempt <= :now
                                        and (lease_until is null or lease_until < :now)
                                        and webhook_id not in (:busy)
                                        order by next_attempt limit :scan) oldest
                                ) due where position <= :perWebhook order by next_attempt limit :max)
                            and status = 'pending' and (lease_until is null or lease_until < :now)
                            for update skip locked)
                        returning *""", Delivery.class)
                        .setParameter("owner", owner)
                        .setParameter("until", until)
                        .setParameter("now", now)
                        .setParameter("busy", busy.isEmpty() ? List.of("") : busy)
                        .setParameter("perWebhook", perWebhook)
                        .setParameter("max", max)
                        .setParameter("scan", max * 4)
                        .getResultList());
    }

    /** Gives leased deliveries back at once (claimed beyond what their webhooks may have in flight). */
    public Uni<Integer> release(Collection<String> ids, String owner) {
        return update("leaseOwner = null, leaseUntil = null where id in ?1 and leaseOwner = ?2", ids, owner);
    }

    /** Records the end of an attempt if {@code owner} still holds the delivery; false if another took it over. */
    public Uni<Boolean> settle(
            String id,
            String owner,
            String status,
            Instant nextAttempt,
            Integer statusCode,
            String error,
            Instant now) {
        return update(
                        "status = :status, attempts = attempts + 1, nextAttempt = :next, lastStatusCode = :code, "
                                + "lastError = :error, delivered = :delivered, leaseOwner = null, leaseUntil = null, "
                                + "updated = :now where id = :id and leaseOwner = :owner",
                        settled(status, nextAttempt, statusCode, error, now, id, owner))
                .map(updated -> updated > 0);
    }

    /** Ends a delivery without an attempt (its webhook was disabled or deleted meanwhile). */
    public Uni<Integer> abandon(String id, String owner, String reason, Instant now) {
        return update(
                "status = ?1, nextAttempt = null, lastError = ?2, leaseOwner = null, leaseUntil = null, "
                        + "updated = ?3 where id = ?4 and leaseOwner = ?5",
                Delivery.FAILED,
                reason,
                now,
                id,
                owner);
    }

    public Uni<Long> deleteCreatedBefore(Instant cutoff) {
        return delete("created < ?1 and status <> ?2", cutoff, Delivery.PENDING);
    }

    private static String where(Filter filter) {
        StringBuilder where = new StringBuilder("webhookId = :webhook");
        if (filter.status() != null) {
            where.append(" and status = :status");
        }
        if (filter.eventType() != null) {
            where.append(" and eventType = :type");
        }
        return where.toString();
    }

    private static Map<String, Object> parameters(String webhookId, Filter filter) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("webhook", webhookId);
        if (filter.status() != null) {
            parameters.put("status", filter.status());
        }
        if (filter.eventType() != null) {
            parameters.put("type", filter.eventType());
        }
        return parameters;
    }

    private static Map<String, Object> settled(
            String status, Instant next, Integer code, String error, Instant now, String id, String owner) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("status", status);
        parameters.put("next", next);
        parameters.put("code", code);
        parameters.put("error", error);
        parameters.put("delivered", Delivery.SUCCEEDED.equals(status) ? now : null);
        parameters.put("now", now);
        parameters.put("id", id);
        parameters.put("owner", owner);
        return parameters;
    }
}
