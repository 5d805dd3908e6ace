package io.jenkins.plugins.gitopspromotion.policy;

import io.jenkins.plugins.gitopspromotion.image.InvalidImageReferenceException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A cell (an app in an environment) kept at its version: placed by a rollback, so that the next automatic promotion
 * does not undo it, and kept in {@link HoldFile#PATH} until released.
 *
 * @param app the app held
 * @param env the environment it is held in
 * @param by who placed it ({@code Name <email>})
 * @param at when, to the second
 * @param reason why
 */
public record Hold(String app, String env, String by, Instant at, String reason) {

    /** The longest {@code by} or {@code reason} accepted: they go into messages, commit trailers and the view. */
    public static final int MAX_TEXT = 500;

    /**
     * Checks every part is there, and {@code by} and {@code reason} are one line each.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public Hold {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(at, "at");
        at = at.truncatedTo(ChronoUnit.SECONDS);
        requireLine("who placed the hold", by);
        requireLine("the reason of the hold", reason);
    }

    /**
     * Checks a text that goes into a hold, a message or a commit trailer: present, one line, not too long.
     *
     * @throws IllegalArgumentException naming {@code what}
     */
    public static String requireLine(String what, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (text.length() > MAX_TEXT || InvalidImageReferenceException.firstUnprintable(text) >= 0) {
            // A line break would forge trailers, and lines of the view.
            throw new IllegalArgumentException(what + " must be one line of at most " + MAX_TEXT + " characters, not "
                    + InvalidImageReferenceException.quote(text));
        }
        return text;
    }

    /** Whether this hold is on the cell of {@code app} in {@code env}. */
    public boolean on(String app, String env) {
        return this.app.equals(app) && this.env.equals(env);
    }

    /** {@code held by Jane <jane@example.com> since 2026-12-06T07:40:00Z: 1.5.0 leaks memory}. */
    public String describe() {
        return "held by " + by + " since " + at + ": " + reason;
    }
}
