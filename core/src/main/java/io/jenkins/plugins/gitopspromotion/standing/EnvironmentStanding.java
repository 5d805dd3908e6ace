package io.jenkins.plugins.gitopspromotion.standing;

import io.jenkins.plugins.gitopspromotion.view.ViewCell;

/**
 * Where a built version of an app stands in one environment.
 *
 * @param env the environment
 * @param runs the version the environment runs now (its label), or null when it cannot be read
 * @param presence whether the environment has the built version, has it pending, or neither
 * @param pending what a promotion branch (and its pull request) proposes, or null
 * @param verdict what a promotion of the built version into the environment would do now
 * @param reason why it would be refused, or null
 */
public record EnvironmentStanding(String env, String runs, Presence presence, ViewCell.Pending pending, Verdict verdict,
        String reason) {

    /** Whether the environment has the built version. */
    public enum Presence {
        /** On the base branch: the environment runs it (as far as Git says). */
        HERE,
        /** Proposed by a promotion branch or pull request. */
        PENDING,
        /** Neither. */
        ABSENT
    }

    /** What a promotion of the built version into the environment would do now, as a dry run of the engine says. */
    public enum Verdict {
        /** It has the version already. */
        THERE,
        /** A promotion branch (or its pull request) already proposes the version. */
        PROPOSED,
        /** A promotion would go ahead. */
        MAY_ENTER,
        /** A promotion would be refused: {@code reason} says why ({@code requires}, a guard). */
        REFUSED
    }
}
