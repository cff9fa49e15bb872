package io.mediawerk.transform.plan;

import java.util.Map;

/**
 * Validated, normalised options: defaults filled in and every value JSON-friendly (String, Integer or Long, Double,
 * Boolean). Stored as JSON and shown to API users as the task's {@code options}; {@link Planner} reads it back, so
 * numbers may come back as any of Integer, Long or Double. Validating the options of a spec again gives the same
 * spec.
 */
public record TransformSpec(String kind, Map<String, Object> options) {}
