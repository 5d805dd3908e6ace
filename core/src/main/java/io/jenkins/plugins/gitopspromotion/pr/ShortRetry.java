package io.jenkins.plugins.gitopspromotion.pr;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Tries a call again a few times within seconds while the provider answers "not yet". Right after a pull request is
 * opened or its branch moves, GitLab and Gitea check its mergeability in the background, and a merge asked for
 * meanwhile is refused (405) although the same request is accepted moments later.
 */
final class ShortRetry {

    /** The waits between tries: 14 seconds in all, enough for a mergeability check, short enough for a build. */
    static final List<Duration> WAITS = List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));

    private ShortRetry() {
    }

    /** How long the waits take together, for messages. */
    static long totalSeconds() {
        return WAITS.stream().mapToLong(Duration::toSeconds).sum();
    }

    /** A call to the provider. */
    @FunctionalInterface
    interface Call {
        /** Makes the call. */
        void run() throws ApiException;
    }

    /**
     * Makes the call, and again after each of {@link #WAITS} while it fails in a way {@code notYet} accepts.
     *
     * @param retry how to wait
     * @throws ApiException the last failure, or the first that {@code notYet} does not accept
     */
    static void run(RetryPolicy retry, Predicate<ApiException> notYet, Call call) throws ApiException {
        for (Duration wait : WAITS) {
            try {
                call.run();
                return;
            } catch (ApiException e) {
                if (!notYet.test(e)) {
                    throw e;
                }
                try {
                    retry.sleeper().sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new ApiException(e.status(), e.getMessage() + " (interrupted while waiting to try again)");
                }
            }
        }
        call.run();
    }
}
