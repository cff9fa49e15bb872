package io.mediawerk.domain;

import io.mediawerk.api.Times;
import io.mediawerk.config.DomainSettings;
import io.mediawerk.reactive.InTurn;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Checks pending domains periodically, a batch at a time, the longest-waiting first. */
@ApplicationScoped
public class DomainChecker {

    private static final int BATCH = 20;

    private final DomainRepository domains;
    private final DomainService service;
    private final Duration every;

    public DomainChecker(DomainRepository domains, DomainService service, DomainSettings domainSettings) {
        this.domains = domains;
        this.service = service;
        this.every = domainSettings.checkEvery();
    }

    @Scheduled(
            every = "${mediawerk.domains.check-every}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> checkOnSchedule() {
        return Panache.withSession(() -> domains.due(Times.now().minus(every), BATCH))
                .chain(due -> InTurn.each(due, domain -> service.check(domain.id, domain.hostname, domain.token)))
                .onFailure()
                .invoke(e -> Log.warnf("Checking pending domains failed: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }
}
