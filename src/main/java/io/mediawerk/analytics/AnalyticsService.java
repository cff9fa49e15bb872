package io.mediawerk.analytics;

import io.mediawerk.api.ApiException;
import io.mediawerk.api.Fields;
import io.mediawerk.media.MediaRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Usage reports from what Mediawerk recorded: the media and sources as they are, usage counted as it happened
 * ({@code usage_daily}), and deliveries as counted by the delivery route ({@code delivery_counts}). Both counts
 * survive deletes, so a report of a past period does not change when media go.
 */
@ApplicationScoped
public class AnalyticsService {

    private final MediaRepository media;
    private final UsageClock clock;

    public AnalyticsService(MediaRepository media, UsageClock clock) {
        this.media = media;
        this.clock = clock;
    }

    @WithSession
    public Uni<AnalyticsView> ofProject(String projectId, String from, String to, String selfPath) {
        return report(new Scope(projectId, null), AnalyticsPeriod.parse(from, to, clock.today()), selfPath);
    }

    /** A media's report; a deleted media still has one (its figures stay). */
    @WithSession
    public Uni<AnalyticsView> ofMedia(String projectId, String mediaId, String from, String to) {
        Fields.requireId(mediaId, "med", "media");
        AnalyticsPeriod period = AnalyticsPeriod.parse(from, to, clock.today());
        return media.findInProject(projectId, mediaId)
                .onItem()
                .ifNull()
                .failWith(() -> ApiException.notFound("media", mediaId))
                .chain(found -> report(new Scope(projectId, mediaId), period, "/analytics/media/" + mediaId));
    }

    /** A project, or one media of it. */
    private record Scope(String projectId, String mediaId) {

        String where(String mediaColumn) {
            return "project_id = :project" + (mediaId == null ? "" : " and " + mediaColumn + " = :media");
        }
    }

    private Uni<AnalyticsView> report(Scope scope, AnalyticsPeriod period, String selfPath) {
        Report report = new Report(period);
        return rows(
                        "select kind, status, count(*) from media where " + scope.where("id")
                                + " group by kind, status",
                        scope,
                        null)
                .invoke(report::media)
                .chain(() -> rows(
                        "select count(*), coalesce(sum(filesize), 0) from sources where " + scope.where("media_id"),
                        scope,
                        null))
                .invoke(report::sources)
                .chain(() -> rows(
                        "select day, metric, dimension, sum(count), sum(amount) from usage_daily where "
                                + scope.where("media_id")
                                + " and day between :from and :to group by day, metric, dimension",
                        scope,
                        period))
                .invoke(report::usage)
                .chain(() -> rows(
                        "select day, sum(requests), sum(bytes), count(distinct media_id) from "
                                + "delivery_counts where " + scope.where("media_id") + " and day between :from and :to "
                                + "group by day",
                        scope,
                        period))
                .invoke(report::deliveriesByDay)
                .chain(() -> rows(
                        "select count(distinct media_id) from delivery_counts where " + scope.where("media_id")
                                + " and day between :from and :to",
                        scope,
                        period))
                .map(distinct -> report.view(scope.projectId(), scope.mediaId(), number(distinct.get(0)[0]), selfPath));
    }

    private static Uni<List<Object[]>> rows(String sql, Scope scope, AnalyticsPeriod period) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object.class).setParameter("project", scope.projectId());
            if (scope.mediaId() != null) {
                query.setParameter("media", scope.mediaId());
            }
            if (period != null) {
                query.setParameter("from", period.from()).setParameter("to", period.to());
            }
            // a query of one column gives its values, not rows of one
            return query.getResultList()
                    .map(list -> list.stream()
                            .map(row -> row instanceof Object[] columns ? columns : new Object[] {row})
                            .toList());
        });
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** Adds the query results up into the view. */
    private static final class Report {

        private final AnalyticsPeriod period;
        private final Map<LocalDate, long[]> days = new TreeMap<>();
        private final Map<String, Long> mediaByKind = new TreeMap<>();
        private final Map<String, Long> mediaByStatus = new TreeMap<>();
        private final Map<String, Map<String, Long>> tasksByKind = new TreeMap<>();
        private final Map<String, Long> processingMsByKind = new TreeMap<>();
        private long mediaTotal;
        private long sourceCount;
        private long storageBytes;

        Report(AnalyticsPeriod period) {
            this.period = period;
            for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
                days.put(day, new long[Column.values().length]);
            }
        }

        /** The figures of a day, by position. */
        enum Column {
            MEDIA,
            UPLOADS,
            UPLOAD_BYTES,
            TASKS,
            PROCESSING_MS,
            REQUESTS,
            BYTES,
            MEDIA_DELIVERED
        }

        void media(List<Object[]> rows) {
            for (Object[] row : rows) {
                long count = number(row[2]);
                mediaByKind.merge(row[0] == null ? "unknown" : (String) row[0], count, Long::sum);
                mediaByStatus.merge((String) row[1], count, Long::sum);
                mediaTotal += count;
            }
        }

        void sources(List<Object[]> rows) {
            sourceCount = number(rows.get(0)[0]);
            storageBytes = number(rows.get(0)[1]);
        }

        void usage(List<Object[]> rows) {
            for (Object[] row : rows) {
                long[] day = days.get((LocalDate) row[0]);
                String metric = (String) row[1];
                long count = number(row[3]);
                long amount = number(row[4]);
                switch (metric) {
                    case UsageRecorder.MEDIA -> day[Column.MEDIA.ordinal()] += count;
                    case UsageRecorder.UPLOADS -> {
                        day[Column.UPLOADS.ordinal()] += count;
                        day[Column.UPLOAD_BYTES.ordinal()] += amount;
                    }
                    case UsageRecorder.TASKS -> {
                        day[Column.TASKS.ordinal()] += count;
                        day[Column.PROCESSING_MS.ordinal()] += amount;
                        String[] kindAndStatus = ((String) row[2]).split(":", 2);
                        tasksByKind
                                .computeIfAbsent(kindAndStatus[0], k -> new TreeMap<>())
                                .merge(kindAndStatus[1], count, Long::sum);
                        processingMsByKind.merge(kindAndStatus[0], amount, Long::sum);
                    }
                    default -> {}
                }
            }
        }

        void deliveriesByDay(List<Object[]> rows) {
            for (Object[] row : rows) {
                long[] day = days.get((LocalDate) row[0]);
                day[Column.REQUESTS.ordinal()] = number(row[1]);
                day[Column.BYTES.ordinal()] = number(row[2]);
                day[Column.MEDIA_DELIVERED.ordinal()] = number(row[3]);
            }
        }

        AnalyticsView view(String projectId, String mediaId, long mediaDelivered, String selfPath) {
            List<AnalyticsView.Day> series = new ArrayList<>();
            long[] total = new long[Column.values().length];
            days.forEach((date, day) -> {
                for (int i = 0; i < total.length; i++) {
                    total[i] += day[i];
                }
                series.add(new AnalyticsView.Day(
                        date,
                        day[Column.MEDIA.ordinal()],
                        day[Column.UPLOADS.ordinal()],
                        day[Column.UPLOAD_BYTES.ordinal()],
                        day[Column.TASKS.ordinal()],
                        seconds(day[Column.PROCESSING_MS.ordinal()]),
                        day[Column.REQUESTS.ordinal()],
                        day[Column.BYTES.ordinal()],
                        day[Column.MEDIA_DELIVERED.ordinal()]));
            });
            Map<String, Double> secondsByKind = new HashMap<>();
            processingMsByKind.forEach((kind, ms) -> secondsByKind.put(kind, seconds(ms)));
            return new AnalyticsView(
                    "analytics",
                    projectId,
                    mediaId,
                    period.from(),
                    period.to(),
                    new AnalyticsView.MediaCounts(mediaTotal, mediaByKind, mediaByStatus),
                    new AnalyticsView.SourceCounts(sourceCount, storageBytes),
                    new AnalyticsView.Uploads(total[Column.UPLOADS.ordinal()], total[Column.UPLOAD_BYTES.ordinal()]),
                    new AnalyticsView.Tasks(
                            total[Column.TASKS.ordinal()],
                            seconds(total[Column.PROCESSING_MS.ordinal()]),
                            tasksByKind,
                            new TreeMap<>(secondsByKind)),
                    new AnalyticsView.Deliveries(
                            total[Column.REQUESTS.ordinal()], total[Column.BYTES.ordinal()], mediaDelivered),
                    series,
                    selfPath);
        }

        private static double seconds(long milliseconds) {
            return milliseconds / 1000.0;
        }
    }
}
