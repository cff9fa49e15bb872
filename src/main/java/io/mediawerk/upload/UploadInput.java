package io.mediawerk.upload;

import java.util.Map;

/** The body of Create Upload URL. */
public record UploadInput(Integer timeout, String workflowId, Map<String, Object> metadata, Integer expires) {}
