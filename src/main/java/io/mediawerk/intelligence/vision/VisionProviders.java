package io.mediawerk.intelligence.vision;

import io.mediawerk.config.MediawerkConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** The configured image-model providers: one for objects, one for nsfw. */
@ApplicationScoped
public class VisionProviders {

    private final VisionProvider objects;
    private final VisionProvider nsfw;

    public VisionProviders(MediawerkConfig config) {
        MediawerkConfig.Intelligence.Vision objectSettings =
                config.intelligence().objects();
        MediawerkConfig.Intelligence.Vision nsfwSettings = config.intelligence().nsfw();
        this.objects =
                new VisionProvider("objects", objectSettings.url(), objectSettings.key(), objectSettings.timeout());
        this.nsfw = new VisionProvider("nsfw", nsfwSettings.url(), nsfwSettings.key(), nsfwSettings.timeout());
    }

    public VisionProvider objects() {
        return objects;
    }

    public VisionProvider nsfw() {
        return nsfw;
    }
}
