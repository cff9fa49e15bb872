package io.mediawerk.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of Create Domain as the API documents it; {@link DomainService} reads it and gives the exact errors. */
final class DomainBodies {

    private DomainBodies() {}

    @Schema(name = "CreateDomainRequest")
    record Create(
            @Schema(required = true, maxLength = 300, examples = "media.example.com")
            String hostname) {}
}
