package io.mediawerk.transform.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediawerk.task.worker.FamilyTaskWork;
import io.mediawerk.task.worker.TaskConsumer;
import io.mediawerk.task.worker.TaskLedger;
import io.mediawerk.task.worker.TaskRunner;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The worker role's transform consumer ({@code mp.messaging.incoming.transforms.concurrency} at once); a singleton: no proxy. */
@Singleton
public class TransformWorker extends TaskConsumer {

    public TransformWorker(
            TaskRunner runner,
            TaskLedger tasks,
            TransformExecution execution,
            TransformLedger ledger,
            ObjectMapper json) {
        super(
                runner,
                new FamilyTaskWork<>(tasks, TransformLedger.FAMILY, execution::run, ledger::complete),
                json,
                "transform");
    }

    @Incoming("transforms")
    public CompletionStage<Void> consume(String payload) {
        return run(payload);
    }
}
