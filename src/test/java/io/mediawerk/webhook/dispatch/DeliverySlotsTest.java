package io.mediawerk.webhook.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** The dispatcher's room for deliveries, and what it keeps of a receiver's answer. */
class DeliverySlotsTest {

    @Test
    void oneWebhookCannotTakeEverySlot() {
        DeliverySlots slots = new DeliverySlots(3, 2);
        assertThat(slots.tryTake("whk_a")).isTrue();
        assertThat(slots.tryTake("whk_a")).isTrue();
        assertThat(slots.tryTake("whk_a")).as("its receiver has 2 already").isFalse();
        assertThat(slots.full()).containsExactly("whk_a");
        assertThat(slots.tryTake("whk_b")).isTrue();
        assertThat(slots.tryTake("whk_c")).as("3 in flight in all").isFalse();

        slots.answered("whk_a");
        assertThat(slots.full()).isEmpty();
        assertThat(slots.tryTake("whk_a"))
                .as("still being recorded, so no slot yet")
                .isFalse();
        slots.recorded();
        assertThat(slots.tryTake("whk_a")).isTrue();
        slots.giveBack("whk_b");
        assertThat(slots.free()).isEqualTo(1);
    }

    @Test
    void answersAreKeptAsTextAndBinaryOnlyMeasured() {
        assertThat(WebhookClient.excerpt(Buffer.buffer())).isNull();
        assertThat(WebhookClient.excerpt(Buffer.buffer("ok\n\u0007done"))).isEqualTo("ok\ndone");
        assertThat(WebhookClient.excerpt(Buffer.buffer(new byte[] {1, 0, 2}))).isEqualTo("(3+ bytes of binary data)");
    }
}
