package io.mediawerk.domain;

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
import io.mediawerk.api.PublicUrls;
import io.mediawerk.api.Times;
import io.mediawerk.config.DomainSettings;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;

/**
 * The rules of custom domains: a hostname is claimed by one project at a time, starts pending with its verification
 * token, and becomes active when a check finds the token (or failed when its time to prove it runs out).
 */
@ApplicationScoped
public class DomainService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DomainRepository domains;
    private final DomainVerifier verifier;
    private final ActiveDomains active;
    private final String apiHost;
    private final Duration verifyFor;
    private final int maxPerProject;

    public DomainService(
            DomainRepository domains,
            DomainVerifier verifier,
            ActiveDomains active,
            PublicUrls urls,
            DomainSettings domainSettings) {
        this.domains = domains;
        this.verifier = verifier;
        this.active = active;
        this.apiHost = urls.host();
        this.verifyFor = domainSettings.verifyFor();
        this.maxPerProject = domainSettings.maxPerProject();
    }

    @WithSession
    public Uni<Page<DomainView>> list(String projectId, PageRequest page) {
        return ProjectLists.page(domains, projectId, page, DomainView::of);
    }

    public Uni<DomainView> create(String projectId, ObjectNode body) {
        String hostname =
                DomainNames.normalise(JsonFields.of(body, Set.of("hostname")).text("hostname", 300), apiHost);
        return Panache.withTransaction(() -> domains.count("projectId = ?1 and status <> ?2", projectId, Domain.FAILED)
                .chain(count -> {
                    if (count >= maxPerProject) {
                        throw ApiException.conflict(
                                "too_many_domains",
                                "This project has " + count + " domains, "
                                        + "the most it may have. Delete one it no longer uses.");
                    }
                    return domains.claimOf(hostname);
                })
                .chain(claim -> {
                    if (claim != null) {
                        throw ApiException.conflict(
                                "domain_taken",
                                claim.projectId.equals(projectId)
                                        ? "This project already has " + hostname + " (" + claim.id + ")."
                                        : hostname
                                                + " is claimed by another project. If it is yours, remove it there first.");
                    }
                    Domain domain = new Domain();
                    domain.id = Ids.newId("dom");
                    domain.projectId = projectId;
                    domain.hostname = hostname;
                    domain.status = Domain.PENDING;
                    domain.token = HexFormat.of().formatHex(bytes());
                    domain.created = Times.now();
                    domain.updated = domain.created;
                    domain.checkUntil = domain.created.plus(verifyFor);
                    return domains.persist(domain).map(DomainView::of);
                }));
    }

    @WithSession
    public Uni<DomainView> get(String projectId, String id) {
        return find(projectId, id).map(DomainView::of);
    }

    /** Deletes the domain; its host stops serving the project's files at once here, within seconds elsewhere. */
    public Uni<ApiObject> delete(String projectId, String id) {
        return Panache.withTransaction(() -> find(projectId, id)
                        .chain(domain ->
                                domains.delete(domain).replaceWith((ApiObject) Deleted.of(DomainView.of(domain)))))
                .call(active::refresh);
    }

    /** Checks a pending domain now and answers with what was found; an active one answers as it is. */
    public Uni<DomainView> verify(String projectId, String id) {
        return Panache.withSession(() -> find(projectId, id)).chain(domain -> {
            if (Domain.FAILED.equals(domain.status)) {
                throw ApiException.conflict(
                        "domain_failed",
                        "Verification of " + domain.hostname + " failed: " + domain.failureReason
                                + " Delete it and add it again to start over.");
            }
            if (Domain.ACTIVE.equals(domain.status)) {
                return Uni.createFrom().item(DomainView.of(domain));
            }
            return check(domain.id, domain.hostname, domain.token);
        });
    }

    /** Runs the checks (outside any transaction: they wait on the network) and records what they found. */
    Uni<DomainView> check(String id, String hostname, String token) {
        return verifier.check(hostname, token)
                .chain(outcome ->
                        Panache.withTransaction(() -> domains.lock(id).map(domain -> record(domain, outcome))))
                .call(view -> view != null && Domain.ACTIVE.equals(view.status())
                        ? active.refresh()
                        : Uni.createFrom().voidItem());
    }

    private static DomainView record(Domain domain, DomainVerifier.Outcome outcome) {
        if (domain == null) {
            return null;
        }
        if (!Domain.PENDING.equals(domain.status)) {
            return DomainView.of(domain);
        }
        Instant now = Times.now();
        domain.lastChecked = now;
        domain.updated = now;
        if (outcome.verified()) {
            domain.status = Domain.ACTIVE;
            domain.verifiedBy = outcome.verifiedBy();
            domain.verified = now;
            domain.lastError = null;
        } else if (now.isAfter(domain.checkUntil)) {
            domain.status = Domain.FAILED;
            domain.failureReason = "Not verified by " + domain.checkUntil + ". " + outcome.error();
        } else {
            domain.lastError = outcome.error();
        }
        return DomainView.of(domain);
    }

    private Uni<Domain> find(String projectId, String id) {
        Fields.requireId(id, "dom", "domain");
        return domains.findInProject(projectId, id)
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.notFound("domain", id));
    }

    private static byte[] bytes() {
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        return token;
    }
}
