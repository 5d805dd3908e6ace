package io.jenkins.plugins.gitopspromotion.git;

/**
 * What the server said to one ref update.
 *
 * @param status whether it landed, lost a race, or was refused for another reason
 * @param message the server's message, if any
 */
public record PushOutcome(Status status, String message) {

    /** The kinds of answer a promotion reacts to differently. */
    public enum Status {
        /** The ref now points at the new commit. */
        OK,
        /** Someone else moved the ref first: fetch, re-apply the edit, push again. */
        RACE,
        /** Refused for another reason (a protected branch, a hook): retrying would not help. */
        REJECTED
    }
}
