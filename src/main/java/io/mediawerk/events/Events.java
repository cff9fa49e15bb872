package io.mediawerk.events;

import io.mediawerk.api.ApiObject;
import io.mediawerk.api.Ids;
import io.mediawerk.api.Times;
import io.mediawerk.jobs.Outbox;
import io.mediawerk.jobs.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Records a state change as an event ({@code media.ready}, {@code source.created}, …) in the caller's transaction;
 * the outbox relays it to the events topic, from which webhooks are delivered.
 */
@ApplicationScoped
public class Events {

    /** The event as it is published and, later, delivered. */
    public record Event(String id, String object, String type, Instant created, String projectId, Data data) {}

    /** {@code data.object}: the object as the API shows it at the time of the event. */
    public record Data(Object object) {}

    private final Outbox outbox;

    public Events(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Must run inside the transaction of the change. */
    public Uni<Void> emit(EventType type, String projectId, ApiObject object) {
        Event event = new Event(Ids.newId("evt"), "event", type.wireName(), Times.now(), projectId, new Data(object));
        return outbox.add(Topics.EVENTS, projectId, event);
    }
}
