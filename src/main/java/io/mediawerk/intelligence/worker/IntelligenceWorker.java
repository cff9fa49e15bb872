package io.mediawerk.intelligence.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediawerk.task.worker.FamilyTaskWork;
import io.mediawerk.task.worker.TaskConsumer;
import io.mediawerk.task.worker.TaskLedger;
import io.mediawerk.task.worker.TaskRunner;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The worker role's intelligence consumer, on its own topic so that analysis scales apart from transcoding
 * ({@code mp.messaging.incoming.intelligence.concurrency} at once).
 */
@Singleton
public class IntelligenceWorker extends TaskConsumer {

    public IntelligenceWorker(
            TaskRunner runner,
            TaskLedger tasks,
            IntelligenceExecution execution,
            IntelligenceLedger ledger,
            ObjectMapper json) {
        super(
                runner,
                new FamilyTaskWork<>(tasks, IntelligenceLedger.FAMILY, execution::run, ledger::complete),
                json,
                "intelligence");
    }

    @Incoming("intelligence")
    public CompletionStage<Void> consume(String payload) {
        return run(payload);
    }
}
