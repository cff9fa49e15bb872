package io.mediawerk.project;

/** The body of Create Project; and of Update Project, where every field is optional. */
public record ProjectInput(String name) {}
