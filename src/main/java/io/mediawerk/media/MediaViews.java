package io.mediawerk.media;

import io.mediawerk.files.DeliveryUrls;
import io.mediawerk.source.Source;
import io.mediawerk.source.SourceRepository;
import io.mediawerk.source.SourceView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds media views with their sources, loading the sources of a whole page in one query. */
@ApplicationScoped
public class MediaViews {

    private final SourceRepository sources;
    private final DeliveryUrls urls;

    public MediaViews(SourceRepository sources, DeliveryUrls urls) {
        this.sources = sources;
        this.urls = urls;
    }

    public Uni<MediaView> of(Media media) {
        return sources.listForMedia(media.id).map(list -> MediaView.of(media, views(list)));
    }

    public Uni<List<MediaView>> of(List<Media> page) {
        if (page.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return sources.listForMedia(page.stream().map(m -> m.id).toList()).map(all -> {
            Map<String, List<Source>> byMedia = all.stream().collect(Collectors.groupingBy(s -> s.mediaId));
            return page.stream()
                    .map(m -> MediaView.of(m, views(byMedia.getOrDefault(m.id, List.of()))))
                    .toList();
        });
    }

    public SourceView source(Source source) {
        return SourceView.of(source, urls.of(source));
    }

    private List<SourceView> views(List<Source> list) {
        return list.stream().map(this::source).toList();
    }
}
