package io.mediawerk.transform.plan;

import java.util.List;

/** How a picture fills a box of both width and height. */
final class Fit {

    /** Inside the box, keeping the aspect ratio: the result may be smaller than the box on one side. */
    static final String CONTAIN = "contain";
    /** The whole box, keeping the aspect ratio: what overflows is cropped. */
    static final String COVER = "cover";
    /** Exactly the box, stretched. */
    static final String FILL = "fill";

    static final List<String> ALL = List.of(CONTAIN, COVER, FILL);

    private Fit() {}
}
