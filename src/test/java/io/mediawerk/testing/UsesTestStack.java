package io.mediawerk.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link TestStack} for every {@code @QuarkusTest} of the suite. */
@QuarkusTestResource(TestStack.class)
public final class UsesTestStack {

    private UsesTestStack() {}
}
