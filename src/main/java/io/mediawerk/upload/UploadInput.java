package io.mediawerk.upload;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of Create Upload URL. */
@Schema(name = "CreateUploadRequest")
public record UploadInput(Integer timeout, String workflowId, Map<String, Object> metadata, Integer expires) {}
