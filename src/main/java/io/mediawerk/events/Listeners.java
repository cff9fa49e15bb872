package io.mediawerk.events;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;

/** Tells in-process listeners of a change (workflow runs, usage figures) about it, one after the other. */
public final class Listeners {

    private Listeners() {
    }

    public static <T> Uni<Void> tellInTurn(List<T> listeners, Function<T, Uni<Void>> tell) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T listener : listeners) {
            chain = chain.chain(() -> tell.apply(listener));
        }
        return chain;
    }
}
