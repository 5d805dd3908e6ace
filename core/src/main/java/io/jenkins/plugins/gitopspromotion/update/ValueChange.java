package io.jenkins.plugins.gitopspromotion.update;

import java.util.function.UnaryOperator;

/**
 * One value an update changed, added or removed in a file, for logs, commit messages and pull requests.
 *
 * @param line 1-based line in the file before the change (for an addition, where it was added)
 * @param what the value's name, e.g. {@code images[ghcr.io/acme/web].newTag}
 * @param oldValue the value before, or null when it was added
 * @param newValue the value after, or null when it was removed
 */
public record ValueChange(int line, String what, String oldValue, String newValue) {

    @Override
    public String toString() {
        return render(UnaryOperator.identity());
    }

    /**
     * {@code line 7: what old -> new}, each of the name and values shown through {@code shown} (which quotes what a
     * file may hold: a value with a line break would otherwise add a line to a commit message).
     */
    public String render(UnaryOperator<String> shown) {
        return "line " + line + ": " + shown.apply(what) + " " + (oldValue == null ? "(added)" : shown.apply(oldValue))
                + " -> " + (newValue == null ? "(removed)" : shown.apply(newValue));
    }
}
