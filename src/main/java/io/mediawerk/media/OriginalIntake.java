package io.mediawerk.media;

import io.mediawerk.api.Ids;
import io.mediawerk.events.EventType;
import io.mediawerk.events.Events;
import io.mediawerk.media.probe.ProbeResult;
import io.mediawerk.reactive.InTurn;
import io.mediawerk.source.Source;
import io.mediawerk.source.SourceFiles;
import io.mediawerk.source.SourceFormat;
import io.mediawerk.source.SourceRepository;
import io.mediawerk.storage.S3Upload;
import io.quarkus.arc.All;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Makes a probed original the first source of its media and the media ready, and starts its workflow; the same for
 * uploads and ingest.
 */
@ApplicationScoped
public class OriginalIntake {

    private final SourceRepository sources;
    private final MediaViews views;
    private final Events events;
    private final List<MediaArrivals> arrivals;

    public OriginalIntake(
            SourceRepository sources, MediaViews views, Events events, @All List<MediaArrivals> arrivals) {
        this.sources = sources;
        this.views = views;
        this.events = events;
        this.arrivals = arrivals;
    }

    /** Must run inside a transaction; the media is managed (persisted or loaded) in it. */
    public Uni<MediaView> attach(Media media, S3Upload.Stored stored, OriginalProbe.Probed probed) {
        ProbeResult result = probed.result();
        Source source = Source.ready(
                Ids.newId("src"),
                media.projectId,
                media.id,
                Source.ORIGINAL,
                new SourceFormat(
                        result.kind(),
                        result.mimeType(),
                        result.container(),
                        probed.format().extension()),
                SourceFiles.single(stored.key(), stored.size(), stored.etag()));
        source.videoCodec = result.videoCodec();
        source.audioCodec = result.audioCodec();
        source.width = result.width();
        source.height = result.height();
        source.duration = result.duration();
        source.fps = result.fps();
        source.bitrate = result.bitrate();

        media.kind = result.kind();
        media.width = result.width();
        media.height = result.height();
        media.duration = result.duration();
        media.filesize = stored.size();
        media.status = Media.READY;
        media.error = null;
        media.errorCode = null;
        media.ingestUrl = null;
        media.updated = source.created;
        return sources.persist(source)
                .chain(() -> events.emit(EventType.SOURCE_CREATED, media.projectId, views.source(source)))
                .chain(() -> views.of(media))
                .call(view -> events.emit(EventType.MEDIA_READY, media.projectId, view))
                .call(() -> InTurn.each(arrivals, listener -> listener.ready(media, source)));
    }
}
