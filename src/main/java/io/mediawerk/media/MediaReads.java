package io.mediawerk.media;

import io.mediawerk.database.RowReader;
import io.mediawerk.source.Source;
import io.mediawerk.source.SourceRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /media/{id}}, the route clients poll: one prepared statement on the pooled client, without a Hibernate
 * session or entity tracking, which cost two thirds of its time.
 */
@ApplicationScoped
public class MediaReads {

    /** A media of the project with its sources and whether its project delivers privately. */
    public record WithSources(Media media, List<Source> sources, boolean projectPrivate) {}

    private static final String SQL = "select " + MediaRows.columns("m") + ", p.private_delivery, "
            + SourceRows.columns("s") + " from media m join projects p on p.id = m.project_id"
            + " left join sources s on s.media_id = m.id"
            + " where m.id = $1 order by s.created, s.id";
    private static final int PROJECT_PRIVATE = MediaRows.COUNT;
    private static final int FIRST_SOURCE = MediaRows.COUNT + 1;

    private final Pool pool;

    public MediaReads(Pool pool) {
        this.pool = pool;
    }

    /** The media, whichever project it is in, with its sources in creation order; null when there is none. */
    public Uni<WithSources> find(String id) {
        return pool.preparedQuery(SQL).execute(Tuple.of(id)).map(rows -> {
            Media media = null;
            boolean projectPrivate = false;
            List<Source> sources = new ArrayList<>();
            for (Row row : rows) {
                if (media == null) {
                    media = MediaRows.read(new RowReader(row, 0));
                    projectPrivate = Boolean.TRUE.equals(row.getBoolean(PROJECT_PRIVATE));
                }
                RowReader source = new RowReader(row, FIRST_SOURCE);
                if (!source.nextIsNull()) {
                    sources.add(SourceRows.read(source));
                }
            }
            return media == null ? null : new WithSources(media, sources, projectPrivate);
        });
    }
}
