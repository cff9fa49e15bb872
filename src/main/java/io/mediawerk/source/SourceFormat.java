package io.mediawerk.source;

/** What kind of file a source holds: its kind ({@code video}, {@code image}, …), MIME type, container, extension. */
public record SourceFormat(String kind, String mimeType, String container, String extension) {}
