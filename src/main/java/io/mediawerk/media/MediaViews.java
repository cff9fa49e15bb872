package io.mediawerk.media;

import io.mediawerk.api.Times;
import io.mediawerk.files.DeliveryUrls;
import io.mediawerk.files.SignedUrls;
import io.mediawerk.project.ProjectRepository;
import io.mediawerk.reactive.InTurn;
import io.mediawerk.source.Source;
import io.mediawerk.source.SourceRepository;
import io.mediawerk.source.SourceView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds media views with their sources, loading the sources of a whole page in one query. */
@ApplicationScoped
public class MediaViews {

    /** A private media's playback URL is signed for one to two hours: the same URL within the hour. */
    private static final Duration SIGNED_PLAYBACK = Duration.ofHours(1);

    private final SourceRepository sources;
    private final ProjectRepository projects;
    private final DeliveryUrls urls;
    private final SignedUrls signedUrls;

    public MediaViews(SourceRepository sources, ProjectRepository projects, DeliveryUrls urls, SignedUrls signedUrls) {
        this.sources = sources;
        this.projects = projects;
        this.urls = urls;
        this.signedUrls = signedUrls;
    }

    public MediaView of(MediaReads.WithSources found) {
        Media media = found.media();
        Set<String> privateProjects = found.projectPrivate() ? Set.of(media.projectId) : Set.of();
        return MediaView.of(media, views(found.sources()), playbackUrl(media, found.sources(), privateProjects));
    }

    public Uni<MediaView> of(Media media) {
        return of(List.of(media)).map(list -> list.get(0));
    }

    public Uni<List<MediaView>> of(List<Media> page) {
        if (page.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return sources.listForMedia(page.stream().map(m -> m.id).toList()).chain(all -> {
            Map<String, List<Source>> byMedia = all.stream().collect(Collectors.groupingBy(s -> s.mediaId));
            return privateProjects(page, byMedia)
                    .map(privateProjects -> page.stream()
                            .map(m -> {
                                List<Source> list = byMedia.getOrDefault(m.id, List.of());
                                return MediaView.of(m, views(list), playbackUrl(m, list, privateProjects));
                            })
                            .toList());
        });
    }

    public SourceView source(Source source) {
        return SourceView.of(source, urls.of(source));
    }

    private List<SourceView> views(List<Source> list) {
        return list.stream().map(this::source).toList();
    }

    private static Source playback(List<Source> list) {
        return list.stream()
                .filter(source -> Playback.LABEL.equals(source.label)
                        && "hls".equals(source.container)
                        && source.files != null
                        && source.files.containsKey(source.mainFile))
                .findFirst()
                .orElse(null);
    }

    private String playbackUrl(Media media, List<Source> list, Set<String> privateProjects) {
        Source stream = playback(list);
        if (stream == null) {
            return null;
        }
        boolean isPrivate =
                media.privateDelivery != null ? media.privateDelivery : privateProjects.contains(media.projectId);
        if (!isPrivate) {
            return urls.of(stream);
        }
        Instant expires = Times.now().truncatedTo(ChronoUnit.HOURS).plus(SIGNED_PLAYBACK.multipliedBy(2));
        return signedUrls.of(stream, expires);
    }

    /** The projects whose delivery is private, among those of media that have a playback stream and no own say. */
    private Uni<Set<String>> privateProjects(List<Media> page, Map<String, List<Source>> byMedia) {
        Set<String> asked = page.stream()
                .filter(m -> m.privateDelivery == null && playback(byMedia.getOrDefault(m.id, List.of())) != null)
                .map(m -> m.projectId)
                .collect(Collectors.toSet());
        if (asked.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return InTurn.map(List.copyOf(asked), projects::findById)
                .map(found -> found.stream()
                        .filter(project -> project != null && project.privateDelivery)
                        .map(project -> project.id)
                        .collect(Collectors.toSet()));
    }
}
