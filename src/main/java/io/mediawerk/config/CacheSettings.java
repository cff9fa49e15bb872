package io.mediawerk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * What each instance keeps in memory of the database ({@code mediawerk.cache.*}). Changes drop entries at once on
 * every instance; the lifetimes only bound how long a lost notification could leave one stale.
 */
@ConfigMapping(prefix = "mediawerk.cache")
public interface CacheSettings {

    /** How long an API key's caller (or its absence) is kept. */
    @WithDefault("PT30S")
    Duration keysFor();

    /** How long what a file delivery needs (its source, privacy, project) is kept. */
    @WithDefault("PT10S")
    Duration filesFor();

    /** How long the JSON of a media read by {@code GET /media/{id}} is kept; {@code PT0S} keeps none. */
    @WithDefault("PT30S")
    Duration mediaViewsFor();

    /** Characters of media JSON kept at most, all media together (about two bytes of heap each). */
    @WithDefault("8000000")
    long mediaViewChars();

    /** Entries each cache holds at most. */
    @WithDefault("100000")
    long maxEntries();
}
