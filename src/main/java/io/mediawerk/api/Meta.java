package io.mediawerk.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The {@code meta} prop of every response; the list fields are present on lists only. */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record Meta(
        String id,
        String method,
        String url,
        String version,
        int status,
        String orgId,
        String projectId,
        String type,
        Long total,
        Integer limit,
        Integer page,
        Integer pages) {}
