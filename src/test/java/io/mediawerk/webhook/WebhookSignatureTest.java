package io.mediawerk.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Mediawerk's signatures against the test vector published with the Standard Webhooks specification. */
class WebhookSignatureTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void theSpecificationsVectorIsReproduced() {
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void duringARotationTheHeaderCarriesBothSignatures() {
        String other = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        String header = WebhookSignature.header(List.of(SECRET, other), ID, TIMESTAMP, BODY);
        assertThat(header.split(" "))
                .containsExactly(
                        WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY),
                        WebhookSignature.sign(other, ID, TIMESTAMP, BODY));
    }

    @Test
    void anotherBodyTimestampOrIdSignsDifferently() {
        String signature = WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY);
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP + 1, BODY)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(SECRET, ID + "x", TIMESTAMP, BODY)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY + " ")).isNotEqualTo(signature);
    }
}
