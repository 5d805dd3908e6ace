package io.jenkins.plugins.gitopspromotion.pr;

import java.time.Duration;

/**
 * How long a provider's rate limits and outages are waited out: at most {@code maxAttempts} tries of one
 * request, and at most {@code maxTotalWait} of waiting in all, after which the request fails with a message
 * that says when the provider would have answered.
 *
 * @param maxAttempts tries of one request, the first included
 * @param maxTotalWait the longest total wait for one request
 * @param requestTimeout how long one try waits for an answer before it counts as lost
 * @param sleeper how to wait (tests record the waits instead of sleeping)
 */
public record RetryPolicy(int maxAttempts, Duration maxTotalWait, Duration requestTimeout, Sleeper sleeper) {

    /** How long one try waits for an answer unless told otherwise. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** Five tries, two minutes of waiting at most, a minute for each answer. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMinutes(2), Sleeper.REAL);

    /** A policy whose tries wait {@link #DEFAULT_REQUEST_TIMEOUT} for an answer. */
    public RetryPolicy(int maxAttempts, Duration maxTotalWait, Sleeper sleeper) {
        this(maxAttempts, maxTotalWait, DEFAULT_REQUEST_TIMEOUT, sleeper);
    }

    /** Waits. */
    @FunctionalInterface
    public interface Sleeper {
        /** Sleeps for real. */
        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

        /** Waits for {@code duration}. */
        void sleep(Duration duration) throws InterruptedException;
    }
}
