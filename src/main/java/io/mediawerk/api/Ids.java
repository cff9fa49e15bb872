package io.mediawerk.api;

import java.security.SecureRandom;

/** Prefixed random identifiers such as {@code med_598j8Q37dsM3zzRe}. */
public final class Ids {

    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LENGTH = 16;

    private Ids() {}

    public static String newId(String prefix) {
        return prefix + "_" + randomBase62(LENGTH);
    }

    public static String randomBase62(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = BASE62[RANDOM.nextInt(BASE62.length)];
        }
        return new String(chars);
    }

    /** Whether {@code id} has the shape of an id with this prefix; anything else can never be found. */
    public static boolean looksLike(String id, String prefix) {
        if (id == null || id.length() != prefix.length() + 1 + LENGTH || !id.startsWith(prefix + "_")) {
            return false;
        }
        for (int i = prefix.length() + 1; i < id.length(); i++) {
            if (!Character.isLetterOrDigit(id.charAt(i)) || id.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }
}
