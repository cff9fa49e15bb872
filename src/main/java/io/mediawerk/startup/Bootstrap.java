package io.mediawerk.startup;

import io.mediawerk.api.Ids;
import io.mediawerk.api.Times;
import io.mediawerk.auth.ApiKeyService;
import io.mediawerk.auth.ApiKeyView;
import io.mediawerk.project.Organization;
import io.mediawerk.project.OrganizationRepository;
import io.mediawerk.project.ProjectInput;
import io.mediawerk.project.ProjectService;
import io.mediawerk.project.ProjectView;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The first organisation, its first project and their keys, so a new installation can be used at once. */
@ApplicationScoped
public class Bootstrap {

    /** The keys made for a fresh local installation; shown once. */
    public record FirstKeys(String orgId, ProjectView project, ApiKeyView orgKey, ApiKeyView projectKey) {}

    /** Any constant; only this class takes this advisory lock. */
    private static final long BOOTSTRAP_LOCK = 0x6d6564696177L;

    private final OrganizationRepository organizations;
    private final ProjectService projects;
    private final ApiKeyService keys;

    public Bootstrap(OrganizationRepository organizations, ProjectService projects, ApiKeyService keys) {
        this.organizations = organizations;
        this.projects = projects;
        this.keys = keys;
    }

    /** Registers the operator's admin key on the oldest organisation (made when there is none). */
    @WithTransaction
    public Uni<String> registerAdminKey(String plainKey) {
        return oneInstanceAtATime()
                .chain(() -> oldestOrCreate())
                .chain(org -> keys.ensureOrgKey(org.id, "admin key from configuration", plainKey)
                        .replaceWith(org.id));
    }

    /** On an empty database: an organisation, a project, an org key and a project key. Null otherwise. */
    @WithTransaction
    public Uni<FirstKeys> createFirstKeysIfEmpty() {
        return oneInstanceAtATime().chain(() -> organizations.count()).chain(count -> {
            if (count > 0) {
                return Uni.createFrom().nullItem();
            }
            return createOrganization()
                    .chain(org -> projects.create(org.id, new ProjectInput("Default project"))
                            .chain(project -> keys.create(org.id, null, "first admin key")
                                    .chain(orgKey -> keys.create(org.id, project.id(), "first project key")
                                            .map(projectKey -> new FirstKeys(org.id, project, orgKey, projectKey)))));
        });
    }

    /**
     * Instances starting together on an empty database would each make an organisation and register the same key:
     * a transaction-scoped advisory lock lets them bootstrap one after the other.
     */
    private Uni<Void> oneInstanceAtATime() {
        return organizations
                .getSession()
                .chain(session -> session.createNativeQuery("select pg_advisory_xact_lock(" + BOOTSTRAP_LOCK + ")")
                        .getSingleResult())
                .replaceWithVoid();
    }

    private Uni<Organization> oldestOrCreate() {
        return organizations
                .findOldest()
                .chain(org -> org != null ? Uni.createFrom().item(org) : createOrganization());
    }

    private Uni<Organization> createOrganization() {
        Organization org = new Organization();
        org.id = Ids.newId("org");
        org.name = "Default organisation";
        org.created = Times.now();
        org.updated = org.created;
        return organizations.persist(org);
    }
}
