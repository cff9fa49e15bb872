package io.mediawerk.intelligence.vision;

import io.mediawerk.config.IntelligenceSettings;
import jakarta.enterprise.context.ApplicationScoped;

/** The configured image-model providers: one for objects, one for nsfw. */
@ApplicationScoped
public class VisionProviders {

    private final VisionProvider objects;
    private final VisionProvider nsfw;

    public VisionProviders(IntelligenceSettings intelligenceSettings) {
        IntelligenceSettings.Vision objectSettings = intelligenceSettings.objects();
        IntelligenceSettings.Vision nsfwSettings = intelligenceSettings.nsfw();
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
