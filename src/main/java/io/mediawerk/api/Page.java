package io.mediawerk.api;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with what is needed for the list's meta and links. */
public record Page<T>(List<T> items, long total, PageRequest request) {

    public int pages() {
        return total == 0 ? 0 : (int) ((total + request.limit() - 1) / request.limit());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, request);
    }
}
