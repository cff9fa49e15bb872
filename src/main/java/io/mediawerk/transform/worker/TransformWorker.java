package io.mediawerk.transform.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediawerk.task.worker.FamilyTaskWork;
import io.mediawerk.task.worker.TaskConsumer;
import io.mediawerk.task.worker.TaskLedger;
import io.mediawerk.task.worker.TaskRunner;
import io.mediawerk.transform.chunk.LadderChunk;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The worker role's transform consumer ({@code mp.messaging.incoming.transforms.concurrency} at once); a singleton: no proxy. */
@Singleton
public class TransformWorker extends TaskConsumer {

    private final ChunkRunner chunks;

    public TransformWorker(
            TaskRunner runner,
            TaskLedger tasks,
            TransformExecution execution,
            TransformLedger ledger,
            ChunkRunner chunks,
            ObjectMapper json) {
        super(
                runner,
                new FamilyTaskWork<>(tasks, TransformLedger.FAMILY, execution::run, ledger::complete),
                json,
                "transform");
        this.chunks = chunks;
    }

    /** A message names a transform or a chunk of a long HLS ladder. */
    @Override
    protected void runJob(String id) {
        if (LadderChunk.isChunkId(id)) {
            chunks.runMessage(id);
        } else {
            super.runJob(id);
        }
    }

    @Incoming("transforms")
    public CompletionStage<Void> consume(String payload) {
        return run(payload);
    }
}
