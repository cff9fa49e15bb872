package io.mediawerk.intelligence.worker;

import io.mediawerk.source.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an analysis found: the summary for the media's intelligence prop, the source with the whole result, and any
 * further sources it made (speech's subtitles).
 */
public record Analysis(Map<String, Object> summary, Source output, List<Source> more) {

    /** Every file of every source, for discarding them. */
    public List<String> storageKeys() {
        List<String> keys = new ArrayList<>(output.storageKeys());
        more.forEach(source -> keys.addAll(source.storageKeys()));
        return keys;
    }
}
