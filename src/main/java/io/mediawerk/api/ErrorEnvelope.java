package io.mediawerk.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code {meta, error, links}}: how every failed response is shaped. */
public record ErrorEnvelope(Meta meta, Error error, Map<String, String> links) {

    /** A human-readable message, a machine code and, where one field is at fault, its name. */
    @Schema(name = "ErrorDetail")
    public record Error(String message, String code, String param) {}
}
