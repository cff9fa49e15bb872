package io.mediawerk.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a media, task or run failed: a machine code and what the user can do about it. */
@Schema(name = "Failure")
public record Failure(String code, String message) {

    /** The failure recorded as {@code code} and {@code message}; null when nothing failed. */
    public static Failure of(String code, String message) {
        return message == null ? null : new Failure(code, message);
    }
}
