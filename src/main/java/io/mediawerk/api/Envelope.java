package io.mediawerk.api;

import java.util.Map;

/** {@code {meta, data, links}}: how every successful response is shaped. */
public record Envelope(Meta meta, Object data, Map<String, String> links) {}
