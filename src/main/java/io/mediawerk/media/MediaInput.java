package io.mediawerk.media;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of Create Media: ingest the file at {@code url}, then run {@code workflow_id} (or the default) on it. */
@Schema(name = "CreateMediaRequest")
public record MediaInput(String url, String title, String alt, Map<String, Object> metadata, String workflowId) {}
