package io.jenkins.plugins.gitopspromotion.update;

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
        return "line " + line + ": " + what + " " + (oldValue == null ? "(added)" : oldValue) + " -> "
                + (newValue == null ? "(removed)" : newValue);
    }
}
