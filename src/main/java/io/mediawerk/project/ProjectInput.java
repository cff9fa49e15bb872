package io.mediawerk.project;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of Create Project; and of Update Project, where every field is optional. */
@Schema(name = "CreateProjectRequest")
public record ProjectInput(String name) {}
