package io.jenkins.plugins.gitopspromotion.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a real program installed: on a laptop they are skipped with a message when it is missing;
 * in CI ({@code CI} set, as {@code .ci/run} does) a missing program fails them, so that nothing is silently
 * left untested there.
 */
public final class RealParts {

    private RealParts() {
    }

    /**
     * Skips (locally) or fails (in CI) unless {@code available}.
     *
     * @param what the program, for the message, e.g. {@code git}
     */
    public static void require(boolean available, String what) {
        if (available) {
            return;
        }
        if (System.getenv("CI") != null) {
            throw new AssertionError(what + " is not installed, and CI must run every test: install it in .ci/run");
        }
        Assumptions.abort(what + " is not installed: skipping (CI installs it and runs this test)");
    }
}
