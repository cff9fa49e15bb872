package io.mediawerk.files;

import io.mediawerk.config.SigningSettings;
import io.mediawerk.source.Source;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed delivery URLs: {@code /files/signed/<expires>/<signature>/<source id>.<ext>}, where the signature is an
 * HMAC-SHA256 of the source id and the expiry (epoch seconds) under a key derived from the server's signing
 * secret. The signature sits in the path, not the query, so that the relative links of an HLS playlist carry it
 * to the playlist's own segments; it is valid for the files of that one source only.
 */
@ApplicationScoped
public class SignedUrls {

    public static final String PREFIX = DeliveryUrls.PREFIX + "signed/";

    /** Why a signed path was refused. */
    public enum Verdict {
        VALID,
        WRONG,
        EXPIRED
    }

    private final DeliveryUrls urls;
    private final SecretKeySpec key;

    public SignedUrls(DeliveryUrls urls, SigningSettings signing) {
        this.urls = urls;
        this.key = new SecretKeySpec(
                hmac(
                        new SecretKeySpec(signing.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                        "mediawerk signed delivery v1"),
                "HmacSHA256");
    }

    /** The signed URL of the source's file (its main file, for a source of several). */
    public String of(Source source, Instant expires) {
        long epoch = expires.getEpochSecond();
        return urls.absolute(
                source.projectId,
                PREFIX + epoch + "/" + signature(source.id, epoch) + "/" + DeliveryUrls.fileOf(source));
    }

    public Verdict check(String sourceId, String expires, String signature, Instant now) {
        long epoch;
        try {
            epoch = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return Verdict.WRONG;
        }
        boolean matches = MessageDigest.isEqual(
                signature(sourceId, epoch).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
        if (!matches) {
            return Verdict.WRONG;
        }
        return now.getEpochSecond() > epoch ? Verdict.EXPIRED : Verdict.VALID;
    }

    private String signature(String sourceId, long epoch) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, sourceId + "\n" + epoch));
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
