package io.mediawerk.project;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of Create Key. */
@Schema(name = "CreateKeyRequest")
public record KeyInput(String name) {}
