package io.mediawerk.transform;

import io.mediawerk.source.Source;
import io.mediawerk.transform.plan.InputFacts;

/** What the planner knows of a transform's input: what was probed when the source was stored. */
public final class TransformInputs {

    private TransformInputs() {}

    public static InputFacts facts(Source source) {
        return new InputFacts(
                source.kind,
                source.container,
                source.videoCodec,
                source.audioCodec,
                source.width,
                source.height,
                source.duration,
                source.fps);
    }
}
