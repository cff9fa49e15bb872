package io.mediawerk.webhook;

import io.mediawerk.config.SigningSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signing secrets: made as {@code whsec_<base64 of 32 random bytes>} (the Standard Webhooks form), shown
 * once, and stored encrypted with AES-GCM under a key derived from the server's signing secret
 * ({@code mediawerk.signing.secret}), so a copy of the database alone cannot sign events.
 */
@ApplicationScoped
public class WebhookSecrets {

    public static final String PREFIX = "whsec_";
    private static final String SEALED_VERSION = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec storageKey;

    public WebhookSecrets(SigningSettings signing) {
        this.storageKey = new SecretKeySpec(derive(signing.secret()), "AES");
    }

    public String newSecret() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The HMAC key a secret stands for: the bytes after the prefix. */
    public static byte[] signingKey(String secret) {
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }

    public String seal(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, storageKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return SEALED_VERSION
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The secret sealed in {@code stored}; fails if the server's signing secret changed since it was sealed. */
    public String open(String stored) {
        if (!stored.startsWith(SEALED_VERSION)) {
            throw new IllegalStateException("Unknown webhook secret format");
        }
        byte[] bytes = Base64.getDecoder().decode(stored.substring(SEALED_VERSION.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, storageKey, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "The webhook's secret cannot be decrypted: the server's signing secret "
                            + "changed since it was stored. Rotate the webhook's secret.",
                    e);
        }
    }

    private static byte[] derive(String serverSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(serverSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal("mediawerk webhook secrets v1".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The secrets that sign a webhook's deliveries now: its own, and the previous one during its grace period. */
    public List<String> signing(Webhook webhook, Instant now) {
        List<String> signing = new ArrayList<>(List.of(open(webhook.secret)));
        if (webhook.previousSecret != null
                && webhook.previousSecretExpires != null
                && webhook.previousSecretExpires.isAfter(now)) {
            signing.add(open(webhook.previousSecret));
        }
        return signing;
    }

    /** Like {@link #signing}, empty when a secret cannot be opened (sealed with another key). */
    public Optional<List<String>> readableSigning(Webhook webhook, Instant now) {
        try {
            return Optional.of(signing(webhook, now));
        } catch (IllegalStateException unreadable) {
            return Optional.empty();
        }
    }
}
