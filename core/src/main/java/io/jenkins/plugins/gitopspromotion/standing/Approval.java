package io.jenkins.plugins.gitopspromotion.standing;

import java.time.Instant;
import java.util.Objects;

/**
 * One approval of a promotion into an environment.
 *
 * @param user the id of the user who approved
 * @param at when
 */
public record Approval(String user, Instant at) {

    /** Checks both parts are present. */
    public Approval {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(at, "at");
    }
}
