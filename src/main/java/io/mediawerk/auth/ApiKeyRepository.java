package io.mediawerk.auth;

import io.mediawerk.api.Caller;
import io.mediawerk.api.RateLimit;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, String> {

    /** Who a key that is not revoked, and whose project (if any) is not deleted, stands for; null for none. */
    @WithSession
    public Uni<Caller> findCaller(String hash) {
        return getSession()
                .chain(session -> session.createSelectionQuery("""
                        select k.id, k.orgId, k.projectId, p.ratePerSecond, p.rateBurst
                        from ApiKey k left join Project p on p.id = k.projectId
                        where k.hash = :hash and k.revoked is null and (k.projectId is null or p.deleted is null)""", Object[].class)
                        .setParameter("hash", hash)
                        .getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        return null;
                    }
                    Object[] row = rows.get(0);
                    RateLimit limit = row[3] == null ? null : new RateLimit((Integer) row[3], (Integer) row[4]);
                    return new Caller((String) row[0], (String) row[1], (String) row[2], limit);
                });
    }

    public Uni<ApiKey> findByHash(String hash) {
        return find("hash", hash).firstResult();
    }

    public Uni<List<ApiKey>> listForProject(String projectId, int offset, int limit) {
        return find("projectId = ?1 order by created desc, id desc", projectId)
                .range(offset, offset + limit - 1)
                .list();
    }

    public Uni<Long> countForProject(String projectId) {
        return count("projectId", projectId);
    }

    public Uni<ApiKey> findInProject(String projectId, String keyId) {
        return find("id = ?1 and projectId = ?2", keyId, projectId).firstResult();
    }
}
