package io.mediawerk.media;

import io.mediawerk.source.Source;
import io.smallrye.mutiny.Uni;

/** Told, in the same transaction, when a new media becomes ready with its original (upload or ingest). */
public interface MediaArrivals {

    Uni<Void> ready(Media media, Source original);
}
