package io.mediawerk.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The worker role's ingest consumer: one job per message, acknowledged once the job has ended either way. */
@ApplicationScoped
public class IngestWorker {

    private final Ingest ingest;
    private final ObjectMapper json;

    public IngestWorker(Ingest ingest, ObjectMapper json) {
        this.ingest = ingest;
        this.json = json;
    }

    @Incoming("ingest")
    public Uni<Void> consume(String payload) {
        IngestJob job;
        try {
            job = json.readValue(payload, IngestJob.class);
        } catch (Exception e) {
            Log.errorf("Skipping an ingest message that is not a job: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return ingest.run(job)
                .onFailure()
                .invoke(e -> Log.errorf(e, "Ingest of %s could not be recorded", job.mediaId()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }
}
