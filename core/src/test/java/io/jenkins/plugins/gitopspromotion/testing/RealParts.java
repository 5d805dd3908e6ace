package io.jenkins.plugins.gitopspromotion.testing;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a real program installed: skipped with a message when it is missing, unless this project's own
 * switch {@value #SWITCH}{@code =required} is set, as {@code .ci/run} sets it: then a missing program fails them, so
 * that nothing is silently left untested. Not the generic {@code CI} variable: other CI systems set it too (the
 * Jenkins project's own, which builds this plugin without a registry or buildah), and there the tests must skip.
 */
public final class RealParts {

    /** The environment variable that makes every real part required. */
    public static final String SWITCH = "GITOPS_PROMOTION_REAL_PARTS";

    private RealParts() {
    }

    /**
     * Skips, or fails where real parts are required, unless {@code available}.
     *
     * @param what the program, for the message, e.g. {@code git}
     */
    public static void require(boolean available, String what) {
        require(available, what, System.getenv());
    }

    /** {@link #require(boolean, String)} with the given environment. */
    static void require(boolean available, String what, Map<String, String> environment) {
        if (available) {
            return;
        }
        if ("required".equals(environment.get(SWITCH))) {
            throw new AssertionError(what + " is not installed, and " + SWITCH + "=required asks for every test: install it"
                    + " (.ci/run does)");
        }
        Assumptions.abort(what + " is not installed: skipping (.ci/run installs it and runs this test with " + SWITCH + "=required)");
    }
}
