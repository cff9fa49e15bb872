package io.mediawerk.auth;

import io.mediawerk.api.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * API keys are 40 random base62 characters (about 238 bits), so a plain SHA-256 is a safe way to store them:
 * unlike passwords they cannot be guessed from a dictionary.
 */
public final class KeyMaterial {

    public static final String PREFIX = "mwk_";
    private static final int RANDOM_LENGTH = 40;
    private static final int SHOWN_LENGTH = 12;

    private KeyMaterial() {}

    public static String newKey() {
        return PREFIX + Ids.randomBase62(RANDOM_LENGTH);
    }

    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** What lists show of a key: enough to recognise it, far too little to use it. */
    public static String displayPrefix(String key) {
        return key.substring(0, Math.min(SHOWN_LENGTH, key.length()));
    }
}
