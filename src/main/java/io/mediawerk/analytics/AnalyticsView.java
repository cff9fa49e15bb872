package io.mediawerk.analytics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.mediawerk.api.ApiObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Usage of a project or of one media. {@code media}, {@code sources} and {@code storage_bytes} are as they are now;
 * the rest counts what happened in the period, day by day in {@code days} (every day of it, zeros included).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Analytics")
public record AnalyticsView(
        String object,
        String projectId,
        String mediaId,
        LocalDate from,
        LocalDate to,
        MediaCounts media,
        SourceCounts sources,
        Uploads uploads,
        Tasks tasks,
        Deliveries deliveries,
        List<Day> days,
        @JsonIgnore String selfPath)
        implements ApiObject {

    public record MediaCounts(long total, Map<String, Long> byKind, Map<String, Long> byStatus) {}

    public record SourceCounts(long total, long storageBytes) {}

    public record Uploads(long count, long bytes) {}

    /** Tasks ended in the period: counts by kind and final status, with processing time. */
    public record Tasks(
            long total,
            double processingSeconds,
            Map<String, Map<String, Long>> byKind,
            Map<String, Double> processingSecondsByKind) {}

    public record Deliveries(long requests, long bytes, long media) {}

    public record Day(
            LocalDate date,
            long mediaCreated,
            long uploads,
            long uploadBytes,
            long tasks,
            double processingSeconds,
            long requests,
            long bytes,
            long mediaDelivered) {}

    @Override
    @JsonIgnore
    public String id() {
        return mediaId != null ? mediaId : projectId;
    }

    @Override
    @JsonIgnore
    public String parentPath() {
        return "/analytics";
    }
}
