package io.mediawerk.reactive;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;

/** Runs one asynchronous step per item, each after the previous one ended (never two at once on one session). */
public final class InTurn {

    private InTurn() {}

    /** Runs {@code step} for every item in order; fails at the first step that fails. */
    public static <T> Uni<Void> each(Iterable<T> items, Function<? super T, ? extends Uni<?>> step) {
        return Multi.createFrom()
                .iterable(items)
                .onItem()
                .transformToUniAndConcatenate(item -> step.apply(item).replaceWith(Boolean.TRUE))
                .collect()
                .last()
                .replaceWithVoid();
    }

    /** Like {@link #each}, keeping what every step gave, in order (a step that gives null is left out). */
    public static <T, R> Uni<List<R>> map(Iterable<T> items, Function<? super T, Uni<R>> step) {
        return Multi.createFrom()
                .iterable(items)
                .onItem()
                .transformToUniAndConcatenate(item -> step.apply(item))
                .collect()
                .asList();
    }
}
