package io.mediawerk.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The active custom domains, kept in memory so that delivery never waits for the database to know a Host: reloaded
 * every few seconds (a domain activated or deleted on another instance counts then) and at once after a change here.
 */
@ApplicationScoped
public class ActiveDomains {

    private final DomainRepository domains;
    private volatile Map<String, String> projectByHost = Map.of();
    private volatile Map<String, String> hostByProject = Map.of();
    private final AtomicLong reloads = new AtomicLong();
    /** The ticket of the reload whose result is in use. */
    private long applied;

    public ActiveDomains(DomainRepository domains) {
        this.domains = domains;
    }

    /** The project an active custom domain belongs to; null for any other host (the API's own, for one). */
    public String projectOf(String host) {
        return host == null ? null : projectByHost.get(host.toLowerCase(Locale.ROOT));
    }

    /** The hostname a project's files are delivered under: its first active domain; null for none. */
    public String hostOf(String projectId) {
        return hostByProject.get(projectId);
    }

    @Scheduled(
            every = "${mediawerk.domains.refresh-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refreshOnSchedule() {
        return refresh()
                .onFailure()
                .invoke(e -> Log.warnf("Reloading the active domains failed: %s", e.toString()))
                .onFailure()
                .recoverWithNull();
    }

    /**
     * Reloads the active domains. A reload that began before another one ended is not applied after it: a scheduled
     * reload that read the table before a change committed must not undo the reload made for that change.
     */
    public Uni<Void> refresh() {
        long ticket = reloads.incrementAndGet();
        return Panache.withSession(domains::active)
                .invoke(active -> replace(ticket, active))
                .replaceWithVoid();
    }

    private synchronized void replace(long ticket, List<Domain> active) {
        if (ticket < applied) {
            return;
        }
        applied = ticket;
        Map<String, String> byHost = new HashMap<>();
        Map<String, String> byProject = new HashMap<>();
        for (Domain domain : active) {
            byHost.put(domain.hostname, domain.projectId);
            byProject.putIfAbsent(domain.projectId, domain.hostname);
        }
        projectByHost = Map.copyOf(byHost);
        hostByProject = Map.copyOf(byProject);
    }
}
