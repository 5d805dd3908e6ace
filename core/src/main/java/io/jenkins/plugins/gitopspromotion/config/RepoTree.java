package io.jenkins.plugins.gitopspromotion.config;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A read-only view of a config repository's files at one revision. Paths are relative, {@code /}-separated,
 * and never point into {@code .git/}. Kept minimal so that a folder and a Git tree can both implement it.
 */
public interface RepoTree {

    /** What a path names. */
    enum Entry {
        /** Nothing. */
        NONE,
        /** A regular file (executable or not). */
        FILE,
        /** A folder. */
        FOLDER,
        /** A symbolic link, which Git stores as a link and a checkout may or may not follow. */
        SYMBOLIC_LINK,
        /** A submodule: a commit of another repository. */
        SUBMODULE,
        /** Anything else on disk (a device, a pipe). */
        OTHER
    }

    /** The largest file {@link #read(String)} reads. */
    int MAX_FILE_BYTES = 64 * 1024 * 1024;

    /**
     * The content of a file of at most {@link #MAX_FILE_BYTES}.
     *
     * @param path a relative, {@code /}-separated path such as {@code apps/web/overlays/dev/kustomization.yaml}
     * @return the bytes, or empty when there is no such file (a folder is not a file)
     * @throws FileTooLargeException if the file is larger; nothing was read
     * @throws IOException if the file exists but cannot be read
     * @throws IllegalArgumentException if the path is absolute, contains {@code ..} or otherwise leaves the tree
     */
    default Optional<byte[]> read(String path) throws IOException {
        return read(path, MAX_FILE_BYTES);
    }

    /**
     * The content of a file, if it is no larger than {@code maxBytes}: the size is checked before anything is read.
     *
     * @param path a relative, {@code /}-separated path such as {@code apps/web/overlays/dev/kustomization.yaml}
     * @return the bytes, or empty when there is no such file (a folder is not a file)
     * @throws FileTooLargeException if the file is larger; nothing was read
     * @throws IOException if the file exists but cannot be read
     * @throws IllegalArgumentException if the path is absolute, contains {@code ..} or otherwise leaves the tree
     */
    Optional<byte[]> read(String path, int maxBytes) throws IOException;

    /**
     * What a path names, without following a symbolic link at its end.
     *
     * @param path a relative, {@code /}-separated path
     * @throws IOException if the tree cannot be read
     * @throws IllegalArgumentException if the path is absolute, contains {@code ..} or otherwise leaves the tree
     */
    Entry entry(String path) throws IOException;

    /**
     * Every file of the tree.
     *
     * @return relative, {@code /}-separated paths, sorted, none under {@code .git/}
     * @throws IOException if the tree cannot be listed
     */
    List<String> files() throws IOException;

    /**
     * The files directly in a folder (not in its subfolders).
     *
     * @param directory a relative, {@code /}-separated folder path, without trailing slash
     * @return the files' paths from the root, sorted
     * @throws IOException if the tree cannot be listed
     */
    default List<String> filesIn(String directory) throws IOException {
        String prefix = directory.isEmpty() ? "" : directory + "/";
        return files().stream()
                .filter(f -> f.startsWith(prefix) && f.indexOf('/', prefix.length()) < 0)
                .toList();
    }

    /** What this tree is, for messages, e.g. {@code folder /srv/config} or {@code main at 1a2b3c4}. */
    String describe();
}
