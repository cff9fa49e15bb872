package io.mediawerk.api;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, with what is needed for the list's meta and links; a page found by cursor also says which
 * items its previous and next links lead on from (null: there is no such page).
 */
public record Page<T>(List<T> items, long total, PageRequest request, String prevBefore, String nextAfter) {

    public Page(List<T> items, long total, PageRequest request) {
        this(items, total, request, null, null);
    }

    public boolean byCursor() {
        return request.byCursor();
    }

    public int pages() {
        return total == 0 ? 0 : (int) ((total + request.limit() - 1) / request.limit());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, request, prevBefore, nextAfter);
    }
}
