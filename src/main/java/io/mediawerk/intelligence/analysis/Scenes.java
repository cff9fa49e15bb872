package io.mediawerk.intelligence.analysis;

import java.util.List;

/** The scenes of a video, in order; together they cover it from start to end. */
public record Scenes(List<Scene> scenes) {

    public Scenes {
        scenes = List.copyOf(scenes);
    }
}
