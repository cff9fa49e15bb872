package io.mediawerk.auth;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, String> {

    /** A key that is not revoked and whose project (if any) is not deleted. */
    public Uni<ApiKey> findUsable(String hash) {
        return find("""
                from ApiKey k where k.hash = ?1 and k.revoked is null
                and (k.projectId is null or exists (
                    select 1 from Project p where p.id = k.projectId and p.deleted is null))""", hash).firstResult();
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
