package io.jenkins.plugins.gitopspromotion.update;

import java.util.Arrays;
import java.util.List;

/**
 * The outcome of updating one file: its bytes before and after, and the values that changed. When the file
 * already held the requested version, {@link #changed()} is false and both byte arrays are equal.
 */
public final class FileChange {

    private final String path;
    private final byte[] before;
    private final byte[] after;
    private final List<ValueChange> changes;

    /**
     * @param path the file's path in the repository
     * @param before the file's bytes before the update
     * @param after the file's bytes after the update
     * @param changes the values changed, in file order
     */
    public FileChange(String path, byte[] before, byte[] after, List<ValueChange> changes) {
        this.path = path;
        this.before = before.clone();
        this.after = after.clone();
        this.changes = List.copyOf(changes);
    }

    /** The file's path in the repository. */
    public String path() {
        return path;
    }

    /** The file's bytes before the update. */
    public byte[] before() {
        return before.clone();
    }

    /** The file's bytes after the update. */
    public byte[] after() {
        return after.clone();
    }

    /** The values changed, added or removed, in file order. */
    public List<ValueChange> changes() {
        return changes;
    }

    /** Whether the file's bytes differ. */
    public boolean changed() {
        return !Arrays.equals(before, after);
    }

    @Override
    public String toString() {
        return path + (changed() ? " " + changes : " (unchanged)");
    }
}
