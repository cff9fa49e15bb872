package io.mediawerk.project;

/** The body of Create Key. */
public record KeyInput(String name) {}
