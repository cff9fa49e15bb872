package io.mediawerk.webhook.delivery;

import static io.mediawerk.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediawerk.api.Ids;
import io.mediawerk.api.Times;
import io.mediawerk.testing.Api;
import io.mediawerk.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Making deliveries: more than one statement can carry, and an event seen again. */
@Tag("stack")
@QuarkusTest
class DeliveryRepositoryTest {

    @Inject
    DeliveryRepository deliveries;

    @Test
    void aLargeFanOutIsMadeInSeveralStatementsAndARepeatMakesNothing() {
        Api.TestProject project = Api.newProject("Large fan-out");
        String webhookId = as(project.key())
                .body(Map.of("url", "http://127.0.0.1:9/none", "status", "disabled"))
                .post("/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        List<Delivery> made = new ArrayList<>();
        for (int i = 0; i < DeliveryRepository.ROWS_PER_INSERT * 2 + 5; i++) {
            made.add(delivery(project.id(), webhookId, Ids.newId("evt")));
        }

        List<String> inserted = Db.inTransaction(() -> deliveries.insertNew(made));
        assertThat(inserted)
                .hasSize(made.size())
                .containsExactlyInAnyOrderElementsOf(
                        made.stream().map(delivery -> delivery.id).toList());

        List<Delivery> again = made.subList(0, 10).stream()
                .map(first -> delivery(project.id(), webhookId, first.eventId))
                .toList();
        assertThat(Db.inTransaction(() -> deliveries.insertNew(again))).isEmpty();
        assertThat(Db.inSession(() -> deliveries.count("webhookId", webhookId))).isEqualTo(made.size());
    }

    private static Delivery delivery(String projectId, String webhookId, String eventId) {
        Instant now = Times.now();
        Delivery delivery = new Delivery();
        delivery.id = Ids.newId("dlv");
        delivery.webhookId = webhookId;
        delivery.projectId = projectId;
        delivery.eventId = eventId;
        delivery.eventType = "media.updated";
        delivery.payload = "{}";
        delivery.status = Delivery.FAILED;
        delivery.retryUntil = now;
        delivery.created = now;
        delivery.updated = now;
        return delivery;
    }
}
