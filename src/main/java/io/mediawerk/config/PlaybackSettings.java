package io.mediawerk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Automatic playback streams ({@code mediawerk.playback.*}). */
@ConfigMapping(prefix = "mediawerk.playback")
public interface PlaybackSettings {

    /**
     * Whether every video that becomes ready gets an HLS source labelled {@code playback} when its project does not
     * say ({@code MEDIAWERK_PLAYBACK_AUTO}).
     */
    @WithDefault("true")
    boolean auto();
}
