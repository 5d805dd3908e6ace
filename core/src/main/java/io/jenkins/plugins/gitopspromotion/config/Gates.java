package io.jenkins.plugins.gitopspromotion.config;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The gates of an environment ({@code gates:} in its config): what must hold, beside {@code requires}, before a
 * promotion goes in.
 *
 * @param freeze the windows in which promotions into the environment are refused
 * @param soak how long the version must have been healthy in the environment before (its {@code requires}, else the one
 *     before it in the promotion order), if at all
 * @param checks the commit statuses (checks) that must have succeeded on a pull request's head before its auto-merge is
 *     enabled, by name
 */
public record Gates(List<FreezeWindow> freeze, Optional<Duration> soak, List<String> checks) {

    /** No gate. */
    public static final Gates NONE = new Gates(List.of(), Optional.empty(), List.of());

    /** Copies the lists. */
    public Gates {
        freeze = List.copyOf(freeze);
        Objects.requireNonNull(soak, "soak");
        checks = List.copyOf(checks);
    }

    /**
     * The freeze window {@code now} lies in, with where it ends: the one that ends last when several do.
     *
     * @return the window's index in {@link #freeze} and its end, or empty outside every window
     */
    public Optional<Frozen> frozenAt(Instant now) {
        Frozen found = null;
        for (int i = 0; i < freeze.size(); i++) {
            Optional<ZonedDateTime> end = freeze.get(i).endAround(now);
            if (end.isPresent() && (found == null || end.get().isAfter(found.until()))) {
                found = new Frozen(i, freeze.get(i), end.get());
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * A freeze in force.
     *
     * @param index the window's place in {@code gates.freeze}
     * @param window the window
     * @param until when it ends
     */
    public record Frozen(int index, FreezeWindow window, ZonedDateTime until) {
    }
}
