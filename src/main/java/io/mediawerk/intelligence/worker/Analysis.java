package io.mediawerk.intelligence.worker;

import io.mediawerk.source.Source;
import java.util.Map;

/** What an analysis found: the summary for the media's intelligence prop, and the source with the whole result. */
public record Analysis(Map<String, Object> summary, Source output) {
}
